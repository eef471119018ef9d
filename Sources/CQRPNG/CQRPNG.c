#include "CQRPNG.h"

#include <png.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// Error state shared with libpng's callbacks.
typedef struct {
    jmp_buf jump;
    char *message;
    size_t message_size;
    volatile qrpng_status status;  // written before png_error, read after the longjmp
} shim_errors;

static void set_message(char *message, size_t size, const char *text) {
    if (message != NULL && size > 0) snprintf(message, size, "%s", text);
}

static void on_error(png_structp png, png_const_charp text) {
    shim_errors *errors = (shim_errors *)png_get_error_ptr(png);
    set_message(errors->message, errors->message_size, text);
    longjmp(errors->jump, 1);
}

static void on_warning(png_structp png, png_const_charp text) {
    (void)png;
    (void)text;
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

// Asks libpng for 8-bit RGBA whatever the stored format; returns the number of passes.
static int request_rgba8(png_structp png, png_infop info) {
    int color_type = png_get_color_type(png, info);
    png_set_expand(png);  // palette to RGB, low-bit grey to 8 bits, tRNS to alpha
    png_set_scale_16(png);
    if (color_type == PNG_COLOR_TYPE_GRAY || color_type == PNG_COLOR_TYPE_GRAY_ALPHA) png_set_gray_to_rgb(png);
    if (!(color_type & PNG_COLOR_MASK_ALPHA) && !png_get_valid(png, info, PNG_INFO_tRNS)) {
        png_set_add_alpha(png, 0xFF, PNG_FILLER_AFTER);
    }
    int passes = png_set_interlace_handling(png);
    png_read_update_info(png, info);
    return passes;
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

static void read_pixels(png_structp png, int passes, uint32_t width, uint32_t height, int channels,
                        uint8_t *pixels, uint8_t *scratch) {
    size_t rgba_stride = 4 * (size_t)width;
    if (channels == 4) {
        for (int pass = 0; pass < passes; pass++)
            for (uint32_t y = 0; y < height; y++) png_read_row(png, pixels + y * rgba_stride, NULL);
    } else if (passes == 1) {
        for (uint32_t y = 0; y < height; y++) {
            png_read_row(png, scratch, NULL);
            rgba_to_grey(scratch, pixels + (size_t)y * width, width);
        }
    } else {
        // Adam7 passes refine the whole image, so keep it all in RGBA until the end.
        for (int pass = 0; pass < passes; pass++)
            for (uint32_t y = 0; y < height; y++) png_read_row(png, scratch + y * rgba_stride, NULL);
        for (uint32_t y = 0; y < height; y++) rgba_to_grey(scratch + y * rgba_stride, pixels + (size_t)y * width, width);
    }
}

qrpng_status qrpng_decode(const uint8_t *data, size_t size, uint64_t max_pixels, int channels,
                          uint8_t **pixels_out, qrpng_info *info_out, char *message, size_t message_size) {
    if (data == NULL || pixels_out == NULL || info_out == NULL || (channels != 1 && channels != 4)) {
        set_message(message, message_size, "invalid arguments");
        return QRPNG_ERROR_ARGUMENT;
    }
    *pixels_out = NULL;
    if (size < 8 || png_sig_cmp(data, 0, 8) != 0) {
        set_message(message, message_size, "not a PNG file (bad signature)");
        return QRPNG_ERROR_FORMAT;
    }
    shim_errors errors = {.message = message, .message_size = message_size, .status = QRPNG_ERROR_FORMAT};
    memory_reader reader = {.data = data, .size = size, .offset = 0};
    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &errors, on_error, on_warning);
    png_infop info = png ? png_create_info_struct(png) : NULL;
    if (info == NULL) {
        png_destroy_read_struct(&png, NULL, NULL);
        set_message(message, message_size, "out of memory");
        return QRPNG_ERROR_MEMORY;
    }
    uint8_t *volatile pixels = NULL;
    uint8_t *volatile scratch = NULL;
    if (setjmp(errors.jump)) {
        free(pixels);
        free(scratch);
        png_destroy_read_struct(&png, &info, NULL);
        return errors.status;
    }
    png_set_read_fn(png, &reader, read_from_memory);
    png_set_chunk_malloc_max(png, 16u << 20);  // ancillary chunks (ICC profiles, text) cannot bomb memory
    png_read_info(png, info);
    uint32_t width = png_get_image_width(png, info), height = png_get_image_height(png, info);
    info_out->width = width;
    info_out->height = height;
    info_out->bit_depth = png_get_bit_depth(png, info);
    info_out->color_type = png_get_color_type(png, info);
    info_out->interlaced = png_get_interlace_type(png, info) != PNG_INTERLACE_NONE;
    if ((uint64_t)width * height > max_pixels) {
        errors.status = QRPNG_ERROR_LIMIT;
        png_error(png, "image exceeds the pixel limit");
    }
    int passes = request_rgba8(png, info);
    size_t rgba_bytes = 4 * (size_t)width * height;
    pixels = malloc(channels == 4 ? rgba_bytes : (size_t)width * height);
    scratch = channels == 4 ? NULL : malloc(info_out->interlaced ? rgba_bytes : 4 * (size_t)width);
    if (pixels == NULL || (channels == 1 && scratch == NULL)) {
        errors.status = QRPNG_ERROR_MEMORY;
        png_error(png, "out of memory");
    }
    read_pixels(png, passes, width, height, channels, pixels, scratch);
    png_read_end(png, NULL);
    free(scratch);
    png_destroy_read_struct(&png, &info, NULL);
    *pixels_out = pixels;
    return QRPNG_OK;
}

// MARK: - Writing

typedef struct {
    uint8_t *data;
    size_t size;
    size_t capacity;
} memory_writer;

static void write_to_memory(png_structp png, png_bytep bytes, size_t count) {
    memory_writer *writer = (memory_writer *)png_get_io_ptr(png);
    if (writer->capacity - writer->size < count) {
        size_t capacity = writer->capacity ? writer->capacity : 1024;
        while (capacity - writer->size < count) capacity *= 2;
        uint8_t *grown = realloc(writer->data, capacity);
        if (grown == NULL) png_error(png, "out of memory");
        writer->data = grown;
        writer->capacity = capacity;
    }
    memcpy(writer->data + writer->size, bytes, count);
    writer->size += count;
}

static void flush_memory(png_structp png) { (void)png; }

static int valid_format(int color_type, int bit_depth) {
    if (color_type == PNG_COLOR_TYPE_RGB_ALPHA) return bit_depth == 8;
    if (color_type == PNG_COLOR_TYPE_GRAY || color_type == PNG_COLOR_TYPE_PALETTE)
        return bit_depth == 1 || bit_depth == 2 || bit_depth == 4 || bit_depth == 8;
    return 0;
}

qrpng_status qrpng_encode(const uint8_t *rows, uint32_t width, uint32_t height, size_t stride,
                          int color_type, int bit_depth,
                          const uint8_t *palette, int palette_entries,
                          const uint8_t *alpha, int alpha_entries,
                          uint8_t **png_out, size_t *png_size, char *message, size_t message_size) {
    if (rows == NULL || png_out == NULL || png_size == NULL || width == 0 || height == 0 ||
        !valid_format(color_type, bit_depth) ||
        (color_type == PNG_COLOR_TYPE_PALETTE && (palette == NULL || palette_entries < 1 || palette_entries > 256))) {
        set_message(message, message_size, "invalid arguments");
        return QRPNG_ERROR_ARGUMENT;
    }
    *png_out = NULL;
    shim_errors errors = {.message = message, .message_size = message_size, .status = QRPNG_ERROR_FORMAT};
    memory_writer writer = {0};
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &errors, on_error, on_warning);
    png_infop info = png ? png_create_info_struct(png) : NULL;
    if (info == NULL) {
        png_destroy_write_struct(&png, NULL);
        set_message(message, message_size, "out of memory");
        return QRPNG_ERROR_MEMORY;
    }
    if (setjmp(errors.jump)) {
        free(writer.data);
        png_destroy_write_struct(&png, &info);
        return QRPNG_ERROR_MEMORY;
    }
    png_set_write_fn(png, &writer, write_to_memory, flush_memory);
    png_set_IHDR(png, info, width, height, bit_depth, color_type, PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    if (color_type == PNG_COLOR_TYPE_PALETTE) {
        png_color entries[256];
        for (int i = 0; i < palette_entries; i++) {
            entries[i].red = palette[3 * i];
            entries[i].green = palette[3 * i + 1];
            entries[i].blue = palette[3 * i + 2];
        }
        png_set_PLTE(png, info, entries, palette_entries);
        if (alpha != NULL && alpha_entries > 0) png_set_tRNS(png, info, alpha, alpha_entries, NULL);
    }
    // Rows of a scaled symbol repeat, so the Up filter turns all but the first
    // row of each module row into zeros, which deflate stores almost for free.
    png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_UP);
    png_set_compression_level(png, 9);
    png_write_info(png, info);
    for (uint32_t y = 0; y < height; y++) png_write_row(png, rows + (size_t)y * stride);
    png_write_end(png, info);
    png_destroy_write_struct(&png, &info);
    *png_out = writer.data;
    *png_size = writer.size;
    return QRPNG_OK;
}

void qrpng_free(void *pointer) { free(pointer); }
