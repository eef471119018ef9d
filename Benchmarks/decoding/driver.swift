// The in-memory decoding driver of Benchmarks/decoding/run.sh, compiled
// together with QRCore's sources into one module (no C libraries, so it
// reads PGM): decodes each image REPS times and prints its fastest time.
//
//   driver REPS FILE.pgm...
// prints "FILE WIDTH HEIGHT MS CODES" per image, then "total MS".
import Glibc

@main struct DecodingDriver {
    static func main() throws {
        var arguments = CommandLine.arguments.dropFirst()
        guard let repetitions = arguments.popFirst().flatMap({ Int($0) }), repetitions >= 1 else {
            print("usage: driver REPS FILE.pgm...")
            exit(2)
        }
        var total = 0.0
        for path in arguments {
            let image = try GrayImage(contentsOfFile: path)
            var best = Double.infinity, codes = 0
            for _ in 0..<repetitions {
                let start = milliseconds()
                codes = decode(image)
                best = min(best, milliseconds() - start)
            }
            total += best
            print(path, image.width, image.height, (best * 1000).rounded() / 1000, codes)
        }
        print("total", (total * 10).rounded() / 10)
    }

    /// The decoding timed and, under callgrind, counted (``run.sh`` collects
    /// only inside this function, so reading the files is left out).
    @inline(never)
    static func decode(_ image: GrayImage) -> Int {
        QRReader().read(image).count
    }

    static func milliseconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) * 1e3 + Double(now.tv_nsec) / 1e6
    }
}
