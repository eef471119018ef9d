import QRCore

// libFuzzer harness: a caller's raw pixel buffer → GrayImage → QRReader.
//
// Input: a 6-byte header, then the pixel buffer.
//   byte 0     pixel format, an index into PixelFormat.allCases (modulo 5)
//   byte 1     row padding as a signed byte: bytesPerRow = width × bytesPerPixel + padding,
//              so a negative value tests the stride check
//   bytes 2–3  width, little-endian
//   bytes 4–5  height, little-endian; 0 means as many rows as the buffer holds,
//              which keeps most inputs consistent and so reaching the reader
//
// The buffer is the rest of libFuzzer's own copy of the input, which is
// allocated to its exact size: AddressSanitizer reports any read past its end.
// Sizes that disagree with the buffer must throw, never trap or over-read.

private let headerLength = 6
private let limits = ImageLimits(maxPixels: 4_000_000, maxDimension: 4_096)
private let reader = QRReader(options: DecodeOptions(limits: limits))

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size >= headerLength else { return 0 }
    let format = PixelFormat.allCases[Int(data[0]) % PixelFormat.allCases.count]
    let padding = Int(Int8(bitPattern: data[1]))
    let width = Int(data[2]) | Int(data[3]) << 8
    let declaredHeight = Int(data[4]) | Int(data[5]) << 8
    let pixels = UnsafeRawBufferPointer(start: data + headerLength, count: size - headerLength)
    let rowLength = width * format.bytesPerPixel
    let bytesPerRow = rowLength + padding
    let height =
        declaredHeight != 0
        ? declaredHeight
        : rowsHeld(
            by: pixels.count, rowLength: rowLength,
            bytesPerRow: bytesPerRow)
    if let image = try? GrayImage(
        pixels: pixels, width: width, height: height, bytesPerRow: bytesPerRow,
        format: format, limits: limits)
    {
        _ = reader.read(image)
    }
    return 0
}

/// Rows of `rowLength` bytes, `bytesPerRow` apart, that fit in `count` bytes
/// (the last row needs only `rowLength`); 0 when the sizes make no sense.
private func rowsHeld(by count: Int, rowLength: Int, bytesPerRow: Int) -> Int {
    guard rowLength > 0, bytesPerRow >= rowLength, count >= rowLength else { return 0 }
    return (count - rowLength) / bytesPerRow + 1
}
