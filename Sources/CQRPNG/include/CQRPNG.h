// A tiny C shim over libpng for QRCore.
//
// libpng reports errors by longjmp. Every function here sets up its own
// setjmp before calling into libpng and returns a status instead, so a libpng
// error never unwinds through Swift frames. libpng's own types stay out of
// this header.
#ifndef CQRPNG_H
#define CQRPNG_H

#include <stddef.h>
#include <stdint.h>

typedef enum {
    QRPNG_OK = 0,
    QRPNG_ERROR_FORMAT = 1,   // not a PNG, corrupt or truncated, or data libpng refused
    QRPNG_ERROR_LIMIT = 2,    // larger than the caller's limits
    QRPNG_ERROR_MEMORY = 3,   // out of memory
    QRPNG_ERROR_ARGUMENT = 4  // invalid arguments
} qrpng_status;

// PNG colour types (ISO/IEC 15948 §11.2.2), as stored in IHDR.
enum {
    QRPNG_COLOR_GRAY = 0,
    QRPNG_COLOR_RGB = 2,
    QRPNG_COLOR_PALETTE = 3,
    QRPNG_COLOR_GRAY_ALPHA = 4,
    QRPNG_COLOR_RGBA = 6
};

typedef struct {
    uint32_t width;
    uint32_t height;
    int bit_depth;    // as stored: 1, 2, 4, 8 or 16
    int color_type;   // as stored: QRPNG_COLOR_*
    int interlaced;   // 1 for Adam7
} qrpng_info;

typedef struct {
    uint64_t max_pixels;     // width × height
    uint32_t max_dimension;  // longest side
} qrpng_limits;

// Decodes PNG bytes into 8-bit pixels, one row after another without padding.
// channels 1 gives luminance (Rec. 601 weights: (77R + 150G + 29B + 128) >> 8)
// with any transparency composited on white; channels 4 gives RGBA with
// straight alpha. Images over the limits are refused from the IHDR bytes,
// before libpng or this shim allocates anything; *info then holds the claimed
// size. On success *pixels must be released with qrpng_free. On failure a
// message is written to message (when not NULL).
qrpng_status qrpng_decode(const uint8_t *data, size_t size, qrpng_limits limits, int channels,
                          uint8_t **pixels, qrpng_info *info, char *message, size_t message_size);

// Releases memory returned by this shim.
void qrpng_free(void *pointer);

#endif
