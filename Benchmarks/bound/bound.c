// What this machine allows for reading snapshot CSV: three loops over the same files that do far
// less than fidelis-report's parser (no typed checks, no dates, no interning, nothing stored), to
// put its throughput beside the hardware's. Built and run by run.sh; not part of the tool.
//   lines: find every line end (memchr), nothing else
//   index: find every field end, 8 bytes at a time (a bit per ',' or '\n'), nothing else
//   split: split every line into fields byte by byte and add up each field's digits
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

static uint64_t lines(const unsigned char *p, const unsigned char *end, long *count) {
    uint64_t sink = 0;
    for (const unsigned char *nl; p < end && (nl = memchr(p, '\n', end - p)); p = nl + 1) { sink += nl - p; (*count)++; }
    return sink;
}

static uint64_t fields(const unsigned char *p, const unsigned char *end, long *count) {
    const uint64_t ones = 0x0101010101010101ULL, tops = 0x8080808080808080ULL;
    const uint64_t commas = ones * ',', newlines = ones * '\n';
    uint64_t sink = 0;
    for (; p + 8 <= end; p += 8) {
        uint64_t w;
        memcpy(&w, p, 8);
        uint64_t x = w ^ commas, y = w ^ newlines;
        uint64_t m = (((x - ones) & ~x) | ((y - ones) & ~y)) & tops;
        for (; m; m &= m - 1) { sink += p[__builtin_ctzll(m) >> 3]; (*count)++; }
    }
    return sink;
}

static uint64_t split(const unsigned char *p, const unsigned char *end, long *count) {
    uint64_t sink = 0;
    for (const unsigned char *nl; p < end && (nl = memchr(p, '\n', end - p)); p = nl + 1) {
        int field = 0;
        while (p < nl) {
            uint64_t v = 0;
            const unsigned char *s = p;
            for (; p < nl && *p != ','; p++) { unsigned d = *p - '0'; if (d < 10) v = v * 10 + d; }
            sink += v ^ (uint64_t)(p - s) * ++field;
            p++;
        }
        (*count)++;
    }
    return sink;
}

int main(int argc, char **argv) {
    if (argc < 3) { fprintf(stderr, "usage: bound lines|index|split FILE...\n"); return 64; }
    uint64_t (*loop)(const unsigned char *, const unsigned char *, long *) =
        !strcmp(argv[1], "lines") ? lines : !strcmp(argv[1], "index") ? fields : !strcmp(argv[1], "split") ? split : NULL;
    if (!loop) { fprintf(stderr, "unknown loop %s\n", argv[1]); return 64; }
    double seconds = 0;
    long bytes = 0, count = 0;
    uint64_t sink = 0;
    for (int f = 2; f < argc; f++) {
        int fd = open(argv[f], O_RDONLY);
        struct stat st;
        if (fd < 0 || fstat(fd, &st) != 0) { perror(argv[f]); return 66; }
        const unsigned char *b = mmap(NULL, st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
        for (long i = 0; i < st.st_size; i += 4096) sink += b[i];   // fault the pages in before timing
        const unsigned char *body = memchr(b, '\n', st.st_size) + 1;   // after the header
        double t0 = now();
        sink += loop(body, b + st.st_size, &count);
        seconds += now() - t0;
        bytes += st.st_size;
        munmap((void *)b, st.st_size);
        close(fd);
    }
    printf("%s: %.1f MB in %.3f s = %.0f MB/s on one core (%ld %s; check %llu)\n", argv[1], bytes / 1e6, seconds, bytes / 1e6 / seconds,
           count, argv[1][0] == 'i' ? "field ends" : "lines", (unsigned long long)sink);
    return 0;
}
