import QRCore

/// What a client is told when its text fits no allowed version: the bits it
/// needs (when measured), what the largest allowed version holds at the
/// level asked for, in bits and in bytes of arbitrary text, and that version
/// and level. Codable, so that a stored task's failure keeps them.
struct CapacityDetails: Sendable, Hashable, Codable {
    var bitsNeeded: Int?
    var capacityBits: Int
    var capacityBytes: Int
    var version: Int
    var ecc: String

    init(bitsNeeded: Int?, capacityBits: Int, version: QRVersion, correctionLevel: ErrorCorrectionLevel) {
        self.bitsNeeded = bitsNeeded
        self.capacityBits = capacityBits
        capacityBytes = version.capacity(correctionLevel: correctionLevel, mode: .byte).characters
        self.version = version.number
        ecc = correctionLevel.letter
    }

    /// `bits_needed` (when known), `capacity_bits`, `capacity_bytes`, `version`, `ecc`.
    var members: [JSONValue.Member] {
        var members: [JSONValue.Member] = []
        if let bitsNeeded { members.append(.init(key: "bits_needed", value: .int(bitsNeeded))) }
        return members + [
            .init(key: "capacity_bits", value: .int(capacityBits)),
            .init(key: "capacity_bytes", value: .int(capacityBytes)),
            .init(key: "version", value: .int(version)),
            .init(key: "ecc", value: .string(ecc)),
        ]
    }
}
