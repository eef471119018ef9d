// Times libqrencode on the benchmark payloads, the same way qr-bench times
// QRCore: text to module matrix, automatic version and mask, median of 7
// batches. Built and run by Benchmarks/compare.sh; not part of the package.
//
// usage: qrencode_bench NAME ECC TEXT [NAME ECC TEXT ...]
#include <qrencode.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_us(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e6 + t.tv_nsec / 1e3;
}

static QRecLevel level_of(const char *ecc) {
    switch (ecc[0]) {
    case 'L': return QR_ECLEVEL_L;
    case 'Q': return QR_ECLEVEL_Q;
    case 'H': return QR_ECLEVEL_H;
    default: return QR_ECLEVEL_M;
    }
}

static void encode_batch(const char *text, QRecLevel level, long iterations) {
    for (long i = 0; i < iterations; i++) {
        QRcode *code = QRcode_encodeString(text, 0, level, QR_MODE_8, 1);
        if (code == NULL) { perror("QRcode_encodeString"); exit(1); }
        QRcode_free(code);
    }
}

static int compare(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv) {
    const double budget_us = 700e3;
    enum { batches = 7 };
    for (int arg = 1; arg + 2 < argc; arg += 3) {
        QRecLevel level = level_of(argv[arg + 1]);
        const char *text = argv[arg + 2];
        encode_batch(text, level, 1);
        long iterations = 1;
        for (;;) {
            double start = now_us();
            encode_batch(text, level, iterations);
            double elapsed = now_us() - start;
            if (elapsed >= budget_us / batches / 8) {
                iterations = (long)(iterations * (budget_us / batches) / elapsed) + 1;
                break;
            }
            iterations *= 2;
        }
        double samples[batches];
        for (int b = 0; b < batches; b++) {
            double start = now_us();
            encode_batch(text, level, iterations);
            samples[b] = (now_us() - start) / iterations;
        }
        qsort(samples, batches, sizeof samples[0], compare);
        printf("encode/%s %.3f\n", argv[arg], samples[batches / 2]);
    }
    return 0;
}
