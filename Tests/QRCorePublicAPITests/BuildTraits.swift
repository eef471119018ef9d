/// Which package traits this build has: examples that read PNG or JPEG
/// files run only where QRCore can read them.
enum BuildTraits {
    #if PNG && JPEG
        static let readsFiles = true
    #else
        static let readsFiles = false
    #endif
}
