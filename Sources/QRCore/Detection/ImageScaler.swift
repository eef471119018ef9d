/// Box-filter downscaling, for searching large images at a coarser scale.
enum ImageScaler {
    /// The image reduced by an integer `factor`, each output pixel the mean of
    /// a factor × factor block (edge pixels that do not fill a block are dropped).
    static func downscale(_ image: GrayImage, by factor: Int) -> GrayImage {
        precondition(factor >= 1)
        let width = image.width / factor, height = image.height / factor
        var output = [UInt8](repeating: 0, count: width * height)
        let area = UInt32(factor * factor)
        image.pixels.withUnsafeBufferPointer { source in
            var rowSums = [UInt32](repeating: 0, count: width)
            for y in 0..<height {
                for i in 0..<width { rowSums[i] = 0 }
                for dy in 0..<factor {
                    let row = (y * factor + dy) * image.width
                    for x in 0..<width {
                        var total: UInt32 = 0
                        for dx in 0..<factor { total += UInt32(source[row + x * factor + dx]) }
                        rowSums[x] += total
                    }
                }
                for x in 0..<width { output[y * width + x] = UInt8((rowSums[x] + area / 2) / area) }
            }
        }
        return GrayImage(width: width, height: height, pixels: output)
    }
}
