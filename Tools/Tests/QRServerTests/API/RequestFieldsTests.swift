import Testing

@testable import QRServer

struct RequestFieldsTests {
    private func field(of error: APIError) -> String? { error.field }

    @Test func queryDecodesPlusAndPercentEscapesAsUTF8() throws {
        let fields = try RequestFields(query: "text=Gr%C3%BC%C3%9Fe+aus+K%C3%B6ln&ecc=h&version=7")
        #expect(try fields.string("text") == "Grüße aus Köln")
        #expect(try fields.string("ecc") == "h")
        #expect(try fields.integer("version", in: 1...40) == 7)
        #expect(try fields.string("absent") == nil)
    }

    @Test func queryKeepsAPlusWrittenAsPercent2B() throws {
        #expect(try RequestFields(query: "text=1%2B1%3D2").string("text") == "1+1=2")
    }

    @Test(arguments: ["text=%", "text=%4", "text=%zz", "text=%C3", "text=%FF%FE"])
    func queryRefusesBadEscapesNamingTheField(_ query: String) {
        #expect(throws: APIError.self) { try RequestFields(query: query) }
        do {
            _ = try RequestFields(query: query)
        } catch {
            #expect(error.field == "text")
            #expect(error.status == .badRequest)
        }
    }

    @Test func queryRefusesARepeatedField() {
        #expect { try RequestFields(query: "ecc=L&ecc=H") } throws: { ($0 as? APIError)?.field == "ecc" }
    }

    @Test func integersAreCheckedForTypeAndRange() throws {
        let query = try RequestFields(query: "scale=abc&mask=9&border=-1")
        #expect { try query.integer("scale", in: 1...32) } throws: {
            ($0 as? APIError)?.message.contains("integer") == true
        }
        #expect { try query.integer("mask", in: 0...7) } throws: {
            ($0 as? APIError)?.message == "mask: 9 is outside 0–7"
        }
        #expect { try query.integer("border", in: 0...16) } throws: { ($0 as? APIError)?.field == "border" }
    }

    @Test func jsonKeepsJSONTypes() throws {
        let fields = try RequestFields(
            json: Array(#"{"text": "hi", "version": "5", "scale": 4, "mask": 2.5, "fg": null, "bg": [1]}"#.utf8))
        #expect(try fields.string("text") == "hi")
        #expect(try fields.integer("scale", in: 1...32) == 4)
        #expect(try fields.string("fg") == nil)
        #expect { try fields.integer("version", in: 1...40) } throws: { ($0 as? APIError)?.field == "version" }
        #expect { try fields.integer("mask", in: 0...7) } throws: {
            ($0 as? APIError)?.message == "mask: must be an integer, not a number"
        }
        #expect { try fields.string("bg") } throws: {
            ($0 as? APIError)?.message == "bg: must be a string, not an array or object"
        }
        #expect { try fields.string("scale") } throws: {
            ($0 as? APIError)?.message == "scale: must be a string, not a number"
        }
    }

    @Test(arguments: [
        ("", "body: empty; send a JSON object such as {\"text\": \"hello\"}"),
        ("{\"text\": ", "body: malformed JSON"),
        ("[1, 2]", "body: must be a JSON object"),
        ("\"text\"", "body: must be a JSON object"),
        ("{\"text\": \"a\"} trailing", "body: malformed JSON"),
    ])
    func jsonRefusesWhatIsNotAnObject(_ body: String, _ message: String) {
        #expect { try RequestFields(json: Array(body.utf8)) } throws: { ($0 as? APIError)?.message == message }
    }

    @Test func unknownFieldsAreNamed() throws {
        let fields = try RequestFields(json: Array(#"{"text": "x", "colour": "red"}"#.utf8))
        #expect { try fields.allowOnly(GenerateParameters.fieldNames) } throws: { ($0 as? APIError)?.field == "colour" }
    }

    @Test(arguments: [("1", true), ("true", true), ("0", false), ("false", false)])
    func flagsAcceptOneAndZero(_ text: String, _ value: Bool) throws {
        #expect(try RequestFields(query: "sync=\(text)").flag("sync") == value)
    }

    @Test func flagsRefuseOtherWords() throws {
        let fields = try RequestFields(query: "sync=maybe")
        #expect { try fields.flag("sync") } throws: { ($0 as? APIError)?.field == "sync" }
    }
}
