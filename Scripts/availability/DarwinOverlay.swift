@_exported import CDarwin
// The parts of Darwin's Swift overlay that QRCore uses, with its signatures.
public func open(_ path: UnsafePointer<CChar>, _ oflag: Int32) -> Int32 { __open(path, oflag, 0) }
public func open(_ path: UnsafePointer<CChar>, _ oflag: Int32, _ mode: mode_t) -> Int32 { __open(path, oflag, mode) }
public var errno: Int32 { get { __errno_value } set { __errno_value = newValue } }
