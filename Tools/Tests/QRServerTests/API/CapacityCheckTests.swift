import QRCore
import QRCoreTestSupport
import Testing

@testable import QRServer

struct CapacityCheckTests {
    /// ISO/IEC 18004:2015 Table 7, data codewords × 8.
    @Test(arguments: [
        (1, ErrorCorrectionLevel.low, 152), (1, .high, 72), (10, .medium, 1728), (27, .quartile, 6464),
        (40, .low, 23648), (40, .medium, 18672), (40, .high, 10208),
    ])
    func capacitiesLearntFromTheEncoderMatchTheStandard(
        _ version: Int, _ level: ErrorCorrectionLevel, _ bits: Int
    ) throws {
        #expect(CapacityCheck.capacityBits(try QRVersion(number: version), level) == bits)
    }

    @Test func refusesTextThatFitsNoVersionWithTheCapacity() {
        let text = String(repeating: "x", count: 3000)
        #expect { try CapacityCheck.check(text, options: EncodingOptions(correctionLevel: .medium)) } throws: { error in
            guard let error = error as? APIError, error.status == .unprocessableContent, error.field == "text" else {
                return false
            }
            let details = Dictionary(uniqueKeysWithValues: error.details.map { ($0.key, $0.value) })
            return details["capacity_bits"] == .int(18672) && details["version"] == .int(40)
                && details["ecc"] == .string("M")
                && details["bits_needed"] == .int(4 + 16 + 8 * 3000) && details["capacity_bytes"] == .int(2331)
        }
    }

    @Test func measuresAgainstAFixedVersion() throws {
        var options = EncodingOptions(correctionLevel: .high)
        options.versions = try QRVersion.range(1, 1)
        #expect { try CapacityCheck.check(String(repeating: "x", count: 30), options: options) } throws: {
            ($0 as? APIError)?.message.contains("version 1 at level H holds 72 bits") == true
        }
        try CapacityCheck.check("HELLO", options: options)
    }

    @Test func refusesTheAbsurdWithoutMeasuring() {
        let text = String(repeating: "7", count: CapacityCheck.maxCharacters + 1)
        #expect { try CapacityCheck.check(text, options: EncodingOptions(correctionLevel: .low)) } throws: {
            guard let error = $0 as? APIError else { return false }
            return !error.details.contains { $0.key == "bits_needed" }
                && error.details.contains { $0.key == "capacity_bits" }
        }
    }

    /// The check says yes exactly when the encoder does, at the edges of
    /// capacity, for every level and mode mix.
    @Test(arguments: ErrorCorrectionLevel.allCases)
    func agreesWithTheEncoderAtTheBoundary(_ level: ErrorCorrectionLevel) throws {
        var generator = SeededRandom(seed: UInt64(level.rawValue) + 11)
        // Each alphabet with roughly the bits a character costs, to land near the edge.
        let alphabets: [(String, Double)] = [
            ("0123456789", 10 / 3), ("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 $%*+-./:", 5.5),
            ("abcdefghijklmnopqrstuvwxyz", 8), ("é€漢", 8 * 2.7), ("a1B2 c3D4", 7),
        ]
        for version in [1, 2, 9, 10, 26, 27, 40] {
            var options = EncodingOptions(correctionLevel: level)
            options.versions = try QRVersion.range(1, version)
            for _ in 0..<6 {
                let (letters, bitsPerCharacter) = alphabets.randomElement(using: &generator)!
                let alphabet = Array(letters)
                let capacity = CapacityCheck.capacityBits(try QRVersion(number: version), level)
                let approximate = Int(Double(capacity) / bitsPerCharacter) + Int.random(in: -6...6, using: &generator)
                let text = String((0..<max(0, approximate)).map { _ in alphabet.randomElement(using: &generator)! })
                let encoderFits = (try? QRCode(text: text, options: options)) != nil
                let checkFits = (try? CapacityCheck.check(text, options: options)) != nil
                #expect(encoderFits == checkFits, "version \(version) level \(level) length \(text.count)")
            }
        }
    }
}
