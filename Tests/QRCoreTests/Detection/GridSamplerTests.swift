import Testing

@testable import QRCore

/// Reading module levels from a located symbol.
struct GridSamplerTests {
    static let sampler = GridSampler(
        image: GrayImage(width: 1, height: 1, pixels: [0]),
        thresholds: ThresholdMap(blockSize: 8, columns: 1, rows: 1, values: [128]))

    /// A lone light module that blur has pulled below the threshold
    /// between its dark neighbours' level and the light level is still
    /// lighter than they are: sharpened against them, it reads light again,
    /// and they stay dark.
    @Test func sharpeningLiftsALoneLightModuleAboveItsBlurredNeighbours() {
        let dark = 60.0, blurredLight = 110.0
        var levels = GridSampler.Levels(
            width: 3, height: 3, levels: Array(repeating: dark, count: 9),
            thresholds: Array(repeating: 128, count: 9))
        levels.levels[4] = blurredLight
        let sharp = Self.sampler.sharpened(levels)
        #expect(sharp.levels[4] > 128)
        #expect(sharp.levels.enumerated().allSatisfy { $0.offset == 4 || $0.element < 128 })
    }

    /// A flat region, and a module beside the symbol's edge matching its
    /// own level, are left as they are.
    @Test func sharpeningLeavesFlatLevelsAlone() {
        let levels = GridSampler.Levels(
            width: 4, height: 4, levels: Array(repeating: 200, count: 16),
            thresholds: Array(repeating: 128, count: 16))
        #expect(Self.sampler.sharpened(levels).levels == levels.levels)
    }
}
