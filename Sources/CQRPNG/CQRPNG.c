#include "CQRPNG.h"

// Compiled only with the PNG package trait (QRCORE_PNG), so that QRCore builds
// with no libpng at all when the trait is off.
#ifdef QRCORE_PNG

#include <png.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// Every function that calls setjmp keeps its state in a job struct owned by
// its caller and reached through a pointer. C leaves the values of the
// setjmp caller's own locals indeterminate after a longjmp if they changed
// in between (C11 §7.13.2.1); state outside that frame is unaffected.

// MARK: - Errors

typedef struct {
    jmp_buf jump;
    char *message;
    size_t message_size;
    qrpng_status status;  // QRPNG_ERROR_FORMAT unless set before png_error
} shim_errors;

static void set_message(char *message, size_t size, const char *text) {
    if (message != NULL && size > 0) snprintf(message, size, "%s", text);
}

static void on_error(png_structp png, png_const_charp text) {
    shim_errors *errors = (shim_errors *)png_get_error_ptr(png);
    set_message(errors->message, errors->message_size, text);
    longjmp(errors->jump, 1);
}

// Warnings (a bad CRC in an ancillary chunk, an unknown sRGB profile) never
// stop decoding, and a library has nowhere to print them.
static void on_warning(png_structp png, png_const_charp text) {
    (void)png;
    (void)text;
}

// Fails the current libpng call with a specific status.
static void fail(png_structp png, shim_errors *errors, qrpng_status status, const char *text) {
    errors->status = status;
    png_error(png, text);
}

static int exceeds(qrpng_limits limits, uint32_t width, uint32_t height) {
    return width > limits.max_dimension || height > limits.max_dimension ||
           (uint64_t)width * height > limits.max_pixels;
}

// MARK: - Reading

typedef struct {
    const uint8_t *data;
    size_t size;
    size_t offset;
} memory_reader;

static void read_from_memory(png_structp png, png_bytep out, size_t count) {
    memory_reader *reader = (memory_reader *)png_get_io_ptr(png);
    if (reader->size - reader->offset < count) png_error(png, "truncated PNG data");
    memcpy(out, reader->data + reader->offset, count);
    reader->offset += count;
}

static uint32_t read_be32(const uint8_t *bytes) {
    return (uint32_t)bytes[0] << 24 | (uint32_t)bytes[1] << 16 | (uint32_t)bytes[2] << 8 | bytes[3];
}

// The size IHDR claims, read from the raw bytes so that a decompression bomb
// is refused before libpng allocates anything. IHDR must be the first chunk
// (ISO/IEC 15948 §5.6); when it is not there, libpng reports the error later.
static int header_exceeds(const uint8_t *data, size_t size, qrpng_limits limits, qrpng_info *info) {
    if (size < 26 || memcmp(data + 12, "IHDR", 4) != 0) return 0;
    info->width = read_be32(data + 16);
    info->height = read_be32(data + 20);
    info->bit_depth = data[24];
    info->color_type = data[25];
    info->interlaced = size > 28 && data[28] != 0;
    return exceeds(limits, info->width, info->height);
}

typedef struct {
    shim_errors errors;
    memory_reader reader;
    qrpng_limits limits;
    int channels;
    png_structp png;
    png_infop info;
    uint8_t *pixels;
    uint8_t *scratch;
    qrpng_info *info_out;
} decode_job;

// Whether libpng can deliver the caller's grey rows as they are: an opaque
// grey image (no alpha, no tRNS) has nothing to composite, and its
// luminance is its grey level, so the RGBA round trip would only cost time.
static int reads_grey_directly(png_structp png, png_infop info, int channels) {
    return channels == 1 && png_get_color_type(png, info) == PNG_COLOR_TYPE_GRAY &&
           !png_get_valid(png, info, PNG_INFO_tRNS);
}

// Asks libpng for 8-bit samples: palette expanded to RGB, low-bit grey to
// 8 bits, tRNS to alpha, 16 bits scaled to 8. Returns the number of passes.
static int request_8bit_samples(png_structp png, png_infop info) {
    png_set_expand(png);
    png_set_scale_16(png);
    int passes = png_set_interlace_handling(png);
    png_read_update_info(png, info);
    return passes;
}

// Asks libpng for 8-bit RGBA whatever the stored format; returns the number of passes.
static int request_rgba8(png_structp png, png_infop info) {
    int color_type = png_get_color_type(png, info);
    if (color_type == PNG_COLOR_TYPE_GRAY || color_type == PNG_COLOR_TYPE_GRAY_ALPHA) png_set_gray_to_rgb(png);
    if (!(color_type & PNG_COLOR_MASK_ALPHA) && !png_get_valid(png, info, PNG_INFO_tRNS)) {
        png_set_add_alpha(png, 0xFF, PNG_FILLER_AFTER);
    }
    return request_8bit_samples(png, info);
}

// Luminance of RGBA pixels composited on white.
static void rgba_to_grey(const uint8_t *rgba, uint8_t *grey, uint32_t count) {
    for (uint32_t i = 0; i < count; i++) {
        const uint8_t *p = rgba + 4 * (size_t)i;
        uint32_t luma = (77u * p[0] + 150u * p[1] + 29u * p[2] + 128u) >> 8;
        uint32_t alpha = p[3];
        grey[i] = (uint8_t)((luma * alpha + 255u * (255u - alpha) + 127u) / 255u);
    }
}

// Rows straight into `pixels`, `stride` bytes apart (one row as libpng
// delivers it). Interlaced passes refine the same rows.
static void read_rows(png_structp png, int passes, uint32_t height, size_t stride, uint8_t *pixels) {
    for (int pass = 0; pass < passes; pass++)
        for (uint32_t y = 0; y < height; y++) png_read_row(png, pixels + y * stride, NULL);
}

// RGBA rows converted to grey for a caller that asked for one channel.
static void read_rgba_as_grey(png_structp png, int passes, uint32_t width, uint32_t height, uint8_t *pixels,
                              uint8_t *scratch) {
    size_t rgba_stride = 4 * (size_t)width;
    if (passes == 1) {
        for (uint32_t y = 0; y < height; y++) {
            png_read_row(png, scratch, NULL);
            rgba_to_grey(scratch, pixels + (size_t)y * width, width);
        }
        return;
    }
    // Adam7 passes refine the whole image, so keep it all in RGBA until the end.
    read_rows(png, passes, height, rgba_stride, scratch);
    for (uint32_t y = 0; y < height; y++)
        rgba_to_grey(scratch + y * rgba_stride, pixels + (size_t)y * width, width);
}

static qrpng_status decode_guarded(decode_job *job) {
    if (setjmp(job->errors.jump)) return job->errors.status;
    png_structp png = job->png;
    png_infop info = job->info;
    png_set_read_fn(png, &job->reader, read_from_memory);
    png_set_chunk_malloc_max(png, 16u << 20);  // ancillary chunks (ICC profiles, text) cannot bomb memory
    png_read_info(png, info);
    uint32_t width = png_get_image_width(png, info), height = png_get_image_height(png, info);
    job->info_out->width = width;
    job->info_out->height = height;
    job->info_out->bit_depth = png_get_bit_depth(png, info);
    job->info_out->color_type = png_get_color_type(png, info);
    job->info_out->interlaced = png_get_interlace_type(png, info) != PNG_INTERLACE_NONE;
    if (exceeds(job->limits, width, height)) fail(png, &job->errors, QRPNG_ERROR_LIMIT, "image exceeds the limits");
    int grey = reads_grey_directly(png, info, job->channels);
    int passes = grey ? request_8bit_samples(png, info) : request_rgba8(png, info);
    size_t delivered = (grey ? 1 : 4) * (size_t)width;  // bytes per row from libpng
    if (png_get_rowbytes(png, info) != delivered) {
        fail(png, &job->errors, QRPNG_ERROR_FORMAT, "unexpected row size");
    }
    size_t rgba_bytes = 4 * (size_t)width * height;
    int converts = job->channels == 1 && !grey;
    job->pixels = malloc(job->channels == 4 ? rgba_bytes : (size_t)width * height);
    if (converts) job->scratch = malloc(job->info_out->interlaced ? rgba_bytes : 4 * (size_t)width);
    if (job->pixels == NULL || (converts && job->scratch == NULL)) {
        fail(png, &job->errors, QRPNG_ERROR_MEMORY, "out of memory");
    }
    // The rows are complete once read; chunks after the image data (text,
    // even a missing IEND) cannot change them, so png_read_end is skipped.
    if (converts) {
        read_rgba_as_grey(png, passes, width, height, job->pixels, job->scratch);
    } else {
        read_rows(png, passes, height, delivered, job->pixels);
    }
    return QRPNG_OK;
}

qrpng_status qrpng_decode(const uint8_t *data, size_t size, qrpng_limits limits, int channels,
                          uint8_t **pixels_out, qrpng_info *info_out, char *message, size_t message_size) {
    if (data == NULL || pixels_out == NULL || info_out == NULL || (channels != 1 && channels != 4)) {
        set_message(message, message_size, "invalid arguments");
        return QRPNG_ERROR_ARGUMENT;
    }
    *pixels_out = NULL;
    memset(info_out, 0, sizeof *info_out);
    if (size < 8 || png_sig_cmp(data, 0, 8) != 0) {
        set_message(message, message_size, "not a PNG file (bad signature)");
        return QRPNG_ERROR_FORMAT;
    }
    if (header_exceeds(data, size, limits, info_out)) {
        set_message(message, message_size, "image exceeds the limits");
        return QRPNG_ERROR_LIMIT;
    }
    decode_job job = {.errors = {.message = message, .message_size = message_size, .status = QRPNG_ERROR_FORMAT},
                      .reader = {.data = data, .size = size, .offset = 0},
                      .limits = limits, .channels = channels, .info_out = info_out};
    job.png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &job.errors, on_error, on_warning);
    job.info = job.png ? png_create_info_struct(job.png) : NULL;
    qrpng_status status = QRPNG_ERROR_MEMORY;
    if (job.info == NULL) set_message(message, message_size, "out of memory");
    else status = decode_guarded(&job);
    png_destroy_read_struct(&job.png, job.info ? &job.info : NULL, NULL);
    free(job.scratch);
    if (status != QRPNG_OK) {
        free(job.pixels);
        return status;
    }
    *pixels_out = job.pixels;
    return QRPNG_OK;
}

void qrpng_free(void *pointer) { free(pointer); }

#endif  // QRCORE_PNG
