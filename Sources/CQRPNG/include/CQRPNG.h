// A tiny C shim over libpng for QRCore.
//
// libpng reports errors by longjmp. Every function here sets up its own
// setjmp before calling into libpng and returns a status instead, so a libpng
// error never unwinds through Swift frames.
#ifndef CQRPNG_H
#define CQRPNG_H

#include <stddef.h>
#include <stdint.h>

typedef enum {
    QRPNG_OK = 0,
    QRPNG_ERROR_FORMAT = 1,   // not a PNG, corrupt or truncated
    QRPNG_ERROR_LIMIT = 2,    // larger than the caller's pixel limit
    QRPNG_ERROR_MEMORY = 3,   // out of memory
    QRPNG_ERROR_ARGUMENT = 4  // invalid arguments
} qrpng_status;

typedef struct {
    uint32_t width;
    uint32_t height;
    int bit_depth;    // as stored: 1, 2, 4, 8 or 16
    int color_type;   // as stored: PNG_COLOR_TYPE_*
    int interlaced;   // 1 for Adam7
} qrpng_info;

// Decodes PNG bytes into 8-bit pixels, one row after another without padding.
// channels 1 gives luminance (Rec. 601 weights) with any transparency
// composited on white; channels 4 gives RGBA. Images with more than
// max_pixels pixels are refused from their header, before any allocation.
// On success *pixels must be released with qrpng_free. On failure a message
// is written to message (when not NULL).
qrpng_status qrpng_decode(const uint8_t *data, size_t size, uint64_t max_pixels, int channels,
                          uint8_t **pixels, qrpng_info *info, char *message, size_t message_size);

// Encodes rows of packed pixels. color_type is 0 (grey) or 3 (palette) with
// bit_depth 1, 2, 4 or 8, or 6 (RGBA) with bit_depth 8. For palette images,
// palette holds palette_entries RGB triples and alpha (may be NULL) holds
// alpha_entries alpha values for the first entries. On success *png must be
// released with qrpng_free.
qrpng_status qrpng_encode(const uint8_t *rows, uint32_t width, uint32_t height, size_t stride,
                          int color_type, int bit_depth,
                          const uint8_t *palette, int palette_entries,
                          const uint8_t *alpha, int alpha_entries,
                          uint8_t **png, size_t *png_size, char *message, size_t message_size);

// Releases memory returned by this shim.
void qrpng_free(void *pointer);

#endif
