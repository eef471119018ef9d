// A tiny C shim over libjpeg-turbo for QRCore.
//
// libjpeg reports errors by longjmp. The decoder here sets up its own setjmp
// before calling into libjpeg and returns a status instead, so a libjpeg
// error never unwinds through Swift frames. libjpeg's own types stay out of
// this header.
#ifndef CQRJPEG_H
#define CQRJPEG_H

#include <stddef.h>
#include <stdint.h>

typedef enum {
    QRJPEG_OK = 0,
    QRJPEG_ERROR_FORMAT = 1,      // not a JPEG, corrupt, or truncated
    QRJPEG_ERROR_LIMIT = 2,       // larger than the caller's limits
    QRJPEG_ERROR_MEMORY = 3,      // out of memory
    QRJPEG_ERROR_ARGUMENT = 4,    // invalid arguments
    QRJPEG_ERROR_UNSUPPORTED = 5  // a well-formed JPEG of a kind this shim does not read
} qrjpeg_status;

// The colour space of the stored components, as libjpeg infers it from the
// JFIF and Adobe markers and the component count (ITU-T T.871, Adobe TN 5116).
enum {
    QRJPEG_COLOR_UNKNOWN = 0,
    QRJPEG_COLOR_GRAY = 1,
    QRJPEG_COLOR_YCBCR = 2,
    QRJPEG_COLOR_RGB = 3,
    QRJPEG_COLOR_CMYK = 4,
    QRJPEG_COLOR_YCCK = 5
};

typedef struct {
    uint32_t width;
    uint32_t height;
    int color_space;    // QRJPEG_COLOR_*
    int progressive;    // 1 for a progressive frame (SOF2, SOF6, SOF10, SOF14)
    int adobe_marker;   // 1 when an Adobe APP14 marker was seen: CMYK is stored inverted
} qrjpeg_info;

typedef struct {
    uint64_t max_pixels;     // width × height
    uint32_t max_dimension;  // longest side
} qrjpeg_limits;

// The most scans a file may have. Every scan of a progressive file is a pass
// over the whole image, so a small file of thousands of tiny scans would take
// minutes. Encoders write about 10 (libjpeg's default script) to 20; the
// format allows hundreds, which no encoder writes.
#define QRJPEG_MAX_SCANS 500

// Decodes JPEG bytes (baseline, extended, progressive; Huffman or arithmetic
// coding as libjpeg allows; grey, YCbCr, RGB, CMYK or YCCK) into 8-bit
// luminance, one row after another without padding. Grey and YCbCr give
// their Y channel as stored; RGB, CMYK and YCCK become Rec. 601 luminance,
// (77R + 150G + 29B + 128) >> 8, with CMYK read as inverted when an Adobe
// marker is present. Images over the limits are refused from the frame
// header, before any pixel memory is allocated; *info then holds the claimed
// size. Truncated or corrupt entropy-coded data is an error, not grey
// padding. On success *pixels must be released with qrjpeg_free. On failure a
// message is written to message (when not NULL).
qrjpeg_status qrjpeg_decode_gray(const uint8_t *data, size_t size, qrjpeg_limits limits, uint8_t **pixels,
                                 qrjpeg_info *info, char *message, size_t message_size);

// Releases memory returned by this shim.
void qrjpeg_free(void *pointer);

#endif
