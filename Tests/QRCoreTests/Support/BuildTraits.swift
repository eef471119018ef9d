/// Which of the package traits this build of QRCore has, for tests that read
/// PNG or JPEG files: they run with the trait and are skipped without it,
/// where ``ImagingFileTests`` checks the error instead.
enum BuildTraits {
    #if PNG
        static let readsPNG = true
    #else
        static let readsPNG = false
    #endif

    #if JPEG
        static let readsJPEG = true
    #else
        static let readsJPEG = false
    #endif
}
