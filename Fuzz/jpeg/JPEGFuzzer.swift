import QRCore

// libFuzzer harness: JPEG file bytes → GrayImage → QRReader.
//
// The input is a whole file, given to the JPEG decoder directly (not through
// the format sniffing of GrayImage(imageData:)), so that mutations of the
// first bytes still reach libjpeg's marker parser. Every input must end in a
// result or a thrown ImageError: a trap, a leak, a memory error or a hang (a
// scan count or a size the limits should have stopped) is a bug.
//
// libjpeg itself is the system's, not instrumented: coverage guides the
// mutations through the shim and QRCore, and libjpeg is exercised by what
// they reach. JPEG has no checksums, so no repair is needed for mutations to
// get past the headers.

/// Big enough for the reader's downscaling pyramid (from 2.8 megapixels on),
/// small enough that a file claiming a huge size is refused from its frame
/// header rather than spending seconds per input.
private let limits = ImageLimits(maxPixels: 4_000_000, maxDimension: 4_096)
private let reader = QRReader(options: DecodeOptions(limits: limits))

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if let image = try? GrayImage(jpegData: bytes, limits: limits) {
        precondition(image.pixels.count == image.width * image.height, "pixel count does not match the size")
        _ = reader.read(image)
    }
    return 0
}
