#include "CQRJPEG.h"

// Compiled only with the JPEG package trait (QRCORE_JPEG), so that QRCore builds
// with no libjpeg at all when the trait is off.
#ifdef QRCORE_JPEG

#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jpeglib.h>
#include <jerror.h>

// The function that calls setjmp keeps its state in a job struct owned by
// its caller and reached through a pointer. C leaves the values of the
// setjmp caller's own locals indeterminate after a longjmp if they changed
// in between (C11 §7.13.2.1); state outside that frame is unaffected.

// MARK: - Errors

typedef struct {
    struct jpeg_error_mgr manager;  // first, so that cinfo->err is also a pointer to this struct
    jmp_buf jump;
    char *message;
    size_t message_size;
    qrjpeg_status status;
} shim_errors;

static void set_message(char *message, size_t size, const char *text) {
    if (message != NULL && size > 0) snprintf(message, size, "%s", text);
}

// Stops decoding with a status and a message of our own.
static void fail(j_common_ptr cinfo, qrjpeg_status status, const char *text) {
    shim_errors *errors = (shim_errors *)cinfo->err;
    errors->status = status;
    set_message(errors->message, errors->message_size, text);
    longjmp(errors->jump, 1);
}

// Errors libjpeg raises for well-formed files of a kind it (or this build of
// it) does not decode, as opposed to damaged ones.
static int is_unsupported(int code) {
    switch (code) {
    case JERR_BAD_PRECISION:       // 12- or 16-bit samples in an 8-bit build
    case JERR_SOF_UNSUPPORTED:     // lossless or hierarchical processes
    case JERR_ARITH_NOTIMPL:       // arithmetic coding left out of the build
    case JERR_NOT_COMPILED:
    case JERR_CONVERSION_NOTIMPL:
    case JERR_IMAGE_TOO_BIG:       // beyond libjpeg's own 65,500 pixels a side
        return 1;
    default:
        return 0;
    }
}

// The JPEG process a start-of-frame marker libjpeg refused stands for
// (ITU-T T.81 Table B.1).
static const char *process_name(int marker) {
    switch (marker) {
    case 0xC3: case 0xCB: return "lossless";
    case 0xC5: case 0xC6: case 0xC7: case 0xCD: case 0xCE: case 0xCF: return "hierarchical";
    default: return "unknown";
    }
}

// Warnings after which the pixels are not what the encoder wrote: libjpeg
// fills what it could not decode with zeros (mid-grey, or a smear of the
// last good rows) and goes on. A truncated or damaged photo is refused
// rather than read with made-up content.
static int loses_data(int code) {
    switch (code) {
    case JWRN_JPEG_EOF:           // the file ends before the image does
    case JWRN_HIT_MARKER:         // a scan ends before its data does
    case JWRN_HUFF_BAD_CODE:
    case JWRN_ARITH_BAD_CODE:
    case JWRN_MUST_RESYNC:        // a restart marker is missing or out of order
    case JWRN_BOGUS_PROGRESSION:  // progressive scans that do not fit together
        return 1;
    default:
        return 0;
    }
}

// Trace messages (level >= 0) and harmless warnings (extraneous bytes before
// a marker, an unknown JFIF revision, a bad ICC marker) are dropped: a
// library has nowhere to print them.
static void on_message(j_common_ptr cinfo, int level) {
    if (level >= 0 || !loses_data(cinfo->err->msg_code)) return;
    if (cinfo->err->msg_code == JWRN_JPEG_EOF) {
        fail(cinfo, QRJPEG_ERROR_FORMAT, "truncated: the data ends before the image is complete");
    }
    char text[JMSG_LENGTH_MAX];
    (*cinfo->err->format_message)(cinfo, text);
    fail(cinfo, QRJPEG_ERROR_FORMAT, text);
}

// Called by libjpeg while it reads the scans of a multi-scan file.
static void on_progress(j_common_ptr cinfo) {
    j_decompress_ptr decompress = (j_decompress_ptr)cinfo;
    if (decompress->input_scan_number > QRJPEG_MAX_SCANS) {
        char text[96];
        snprintf(text, sizeof text, "more than %d scans are not supported", QRJPEG_MAX_SCANS);
        fail(cinfo, QRJPEG_ERROR_UNSUPPORTED, text);
    }
}

// MARK: - Colour

static int color_of(J_COLOR_SPACE space) {
    switch (space) {
    case JCS_GRAYSCALE: return QRJPEG_COLOR_GRAY;
    case JCS_YCbCr: return QRJPEG_COLOR_YCBCR;
    case JCS_RGB: return QRJPEG_COLOR_RGB;
    case JCS_CMYK: return QRJPEG_COLOR_CMYK;
    case JCS_YCCK: return QRJPEG_COLOR_YCCK;
    default: return QRJPEG_COLOR_UNKNOWN;
    }
}

// What libjpeg should deliver for the stored colour space. Grey comes as it
// is and YCbCr as its Y channel alone (libjpeg then skips the chroma's
// inverse DCT and upsampling): the luminance the encoder itself computed,
// which is also what OpenCV's IMREAD_GRAYSCALE gives. RGB and CMYK come as
// such and are converted here with QRCore's own weights; libjpeg turns YCCK
// into CMYK.
static int output_space(int color, J_COLOR_SPACE *space, int *components) {
    switch (color) {
    case QRJPEG_COLOR_GRAY:
    case QRJPEG_COLOR_YCBCR: *space = JCS_GRAYSCALE; *components = 1; return 1;
    case QRJPEG_COLOR_RGB: *space = JCS_RGB; *components = 3; return 1;
    case QRJPEG_COLOR_CMYK:
    case QRJPEG_COLOR_YCCK: *space = JCS_CMYK; *components = 4; return 1;
    default: return 0;
    }
}

static uint8_t luma(uint32_t red, uint32_t green, uint32_t blue) {
    return (uint8_t)((77u * red + 150u * green + 29u * blue + 128u) >> 8);
}

static void rgb_to_grey(const uint8_t *rgb, uint8_t *grey, uint32_t count) {
    for (uint32_t i = 0; i < count; i++, rgb += 3) grey[i] = luma(rgb[0], rgb[1], rgb[2]);
}

// (255 - ink) × (255 - black) / 255, rounded, for each of C, M and Y.
// Photoshop and most other writers of Adobe JPEGs store CMYK inverted (255 is
// no ink), and the Adobe APP14 marker is the accepted sign of it; libjpeg
// returns the samples as stored.
static void cmyk_to_grey(const uint8_t *cmyk, uint8_t *grey, uint32_t count, int inverted) {
    for (uint32_t i = 0; i < count; i++, cmyk += 4) {
        uint32_t c = cmyk[0], m = cmyk[1], y = cmyk[2], k = cmyk[3];
        if (!inverted) {
            c = 255u - c, m = 255u - m, y = 255u - y, k = 255u - k;
        }
        grey[i] = luma((c * k + 127u) / 255u, (m * k + 127u) / 255u, (y * k + 127u) / 255u);
    }
}

// MARK: - Decoding

typedef struct {
    shim_errors errors;
    struct jpeg_decompress_struct cinfo;
    struct jpeg_progress_mgr progress;
    const uint8_t *data;
    size_t size;
    qrjpeg_limits limits;
    uint8_t *pixels;
    uint8_t *scratch;
    qrjpeg_info *info;
} decode_job;

static int exceeds(qrjpeg_limits limits, uint32_t width, uint32_t height) {
    return width > limits.max_dimension || height > limits.max_dimension ||
           (uint64_t)width * height > limits.max_pixels;
}

// Fails with QRJPEG_ERROR_LIMIT when the frame header claims more than the
// limits allow, recording the claimed size.
static void refuse_if_exceeding(decode_job *job) {
    j_decompress_ptr cinfo = &job->cinfo;
    if (!exceeds(job->limits, cinfo->image_width, cinfo->image_height)) return;
    job->info->width = cinfo->image_width;
    job->info->height = cinfo->image_height;
    fail((j_common_ptr)cinfo, QRJPEG_ERROR_LIMIT, "image exceeds the limits");
}

// Turns a libjpeg error into a status and its message, then leaves.
static void on_error(j_common_ptr cinfo) {
    struct jpeg_error_mgr *err = cinfo->err;
    // libjpeg's own cap on a side is checked before jpeg_read_header
    // returns; a size the caller's limits refuse anyway is reported as such.
    if (err->msg_code == JERR_IMAGE_TOO_BIG && cinfo->client_data != NULL) {
        refuse_if_exceeding((decode_job *)cinfo->client_data);
    }
    char text[JMSG_LENGTH_MAX + 64];
    (*err->format_message)(cinfo, text);
    if (err->msg_code == JERR_BAD_PRECISION) {
        snprintf(text, sizeof text, "%d-bit samples are not supported (only 8-bit)", err->msg_parm.i[0]);
    } else if (err->msg_code == JERR_SOF_UNSUPPORTED) {
        snprintf(text, sizeof text, "the %s process (SOF%d) is not supported", process_name(err->msg_parm.i[0]),
                 err->msg_parm.i[0] - 0xC0);
    }
    qrjpeg_status status = QRJPEG_ERROR_FORMAT;
    if (err->msg_code == JERR_OUT_OF_MEMORY) status = QRJPEG_ERROR_MEMORY;
    else if (is_unsupported(err->msg_code)) status = QRJPEG_ERROR_UNSUPPORTED;
    fail(cinfo, status, text);
}

// Reads the headers up to the first scan and checks what they claim before
// anything the size of the image exists.
static void read_header(decode_job *job) {
    j_decompress_ptr cinfo = &job->cinfo;
    jpeg_mem_src(cinfo, job->data, (unsigned long)job->size);
    jpeg_read_header(cinfo, TRUE);
    qrjpeg_info *info = job->info;
    info->width = cinfo->image_width;
    info->height = cinfo->image_height;
    info->color_space = color_of(cinfo->jpeg_color_space);
    info->progressive = cinfo->progressive_mode ? 1 : 0;
    info->adobe_marker = cinfo->saw_Adobe_marker ? 1 : 0;
    refuse_if_exceeding(job);
    if (cinfo->data_precision != 8) {
        char text[96];
        snprintf(text, sizeof text, "%d-bit samples are not supported (only 8-bit)", cinfo->data_precision);
        fail((j_common_ptr)cinfo, QRJPEG_ERROR_UNSUPPORTED, text);
    }
}

// Rows into job->pixels, converted to luminance through a one-row scratch
// buffer when libjpeg delivers colour.
static void read_rows(decode_job *job, int components) {
    j_decompress_ptr cinfo = &job->cinfo;
    uint32_t width = cinfo->output_width;
    while (cinfo->output_scanline < cinfo->output_height) {
        uint8_t *out = job->pixels + (size_t)cinfo->output_scanline * width;
        JSAMPROW row = components == 1 ? out : job->scratch;
        if (jpeg_read_scanlines(cinfo, &row, 1) != 1) {
            fail((j_common_ptr)cinfo, QRJPEG_ERROR_FORMAT, "no more rows");
        }
        if (components == 3) rgb_to_grey(job->scratch, out, width);
        if (components == 4) cmyk_to_grey(job->scratch, out, width, cinfo->saw_Adobe_marker);
    }
}

static qrjpeg_status decode_guarded(decode_job *job) {
    if (setjmp(job->errors.jump)) return job->errors.status;
    j_decompress_ptr cinfo = &job->cinfo;
    jpeg_create_decompress(cinfo);
    cinfo->client_data = job;
    job->progress.progress_monitor = on_progress;
    cinfo->progress = &job->progress;
    read_header(job);
    int components = 0;
    if (!output_space(job->info->color_space, &cinfo->out_color_space, &components)) {
        char text[96];
        snprintf(text, sizeof text, "%d components in an unknown colour space are not supported",
                 cinfo->num_components);
        fail((j_common_ptr)cinfo, QRJPEG_ERROR_UNSUPPORTED, text);
    }
    jpeg_start_decompress(cinfo);
    if (cinfo->output_components != components || cinfo->output_width != job->info->width ||
        cinfo->output_height != job->info->height) {
        fail((j_common_ptr)cinfo, QRJPEG_ERROR_FORMAT, "unexpected output size");
    }
    size_t width = cinfo->output_width;
    job->pixels = malloc(width * cinfo->output_height);
    if (components > 1) job->scratch = malloc(width * (size_t)components);
    if (job->pixels == NULL || (components > 1 && job->scratch == NULL)) {
        fail((j_common_ptr)cinfo, QRJPEG_ERROR_MEMORY, "out of memory");
    }
    // The rows are complete once read: whatever follows the last scan cannot
    // change them, so jpeg_finish_decompress is skipped.
    read_rows(job, components);
    return QRJPEG_OK;
}

qrjpeg_status qrjpeg_decode_gray(const uint8_t *data, size_t size, qrjpeg_limits limits, uint8_t **pixels_out,
                                 qrjpeg_info *info_out, char *message, size_t message_size) {
    if (data == NULL || pixels_out == NULL || info_out == NULL) {
        set_message(message, message_size, "invalid arguments");
        return QRJPEG_ERROR_ARGUMENT;
    }
    *pixels_out = NULL;
    memset(info_out, 0, sizeof *info_out);
    decode_job *job = calloc(1, sizeof *job);
    if (job == NULL) {
        set_message(message, message_size, "out of memory");
        return QRJPEG_ERROR_MEMORY;
    }
    job->cinfo.err = jpeg_std_error(&job->errors.manager);
    job->errors.manager.error_exit = on_error;
    job->errors.manager.emit_message = on_message;
    job->errors.message = message;
    job->errors.message_size = message_size;
    job->errors.status = QRJPEG_ERROR_FORMAT;
    job->data = data;
    job->size = size;
    job->limits = limits;
    job->info = info_out;
    qrjpeg_status status = decode_guarded(job);
    // Safe even if jpeg_create_decompress failed: the job was zeroed, and
    // libjpeg frees only what its memory manager holds.
    jpeg_destroy_decompress(&job->cinfo);
    free(job->scratch);
    if (status == QRJPEG_OK) *pixels_out = job->pixels;
    else free(job->pixels);
    free(job);
    return status;
}

void qrjpeg_free(void *pointer) { free(pointer); }

#endif  // QRCORE_JPEG
