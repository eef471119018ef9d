import Foundation
import Testing

@testable import QRServer

struct JSONValueTests {
    @Test func writesCompactJSONInKeyOrder() {
        let value = JSONValue.object(["b": 1, "a": "x", "c": .array([true, .null, .double(0.5)])])
        #expect(value.text == #"{"b":1,"a":"x","c":[true,null,0.5]}"#)
    }

    @Test func escapesQuotesBackslashesAndControlCharacters() throws {
        let tricky = "quote \" backslash \\ newline \n tab \t bell \u{07} nul \u{0} emoji 🎉 </script>"
        let text = JSONValue.object(["s": .string(tricky)]).text
        #expect(!text.contains("\n"))
        let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: String]
        #expect(parsed?["s"] == tricky)
    }

    @Test func writesNonFiniteNumbersAsNull() {
        #expect(JSONValue.array([.double(.nan), .double(.infinity)]).text == "[null,null]")
    }
}
