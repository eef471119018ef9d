import Testing

@testable import QRServer

struct TaskIDTests {
    @Test func writesThirtyTwoLowercaseHexDigitsAndReadsThemBack() throws {
        let id = TaskID(high: 0x0123_4567_89AB_CDEF, low: 0x0000_0000_0000_002A)
        #expect(id.description == "0123456789abcdef000000000000002a")
        #expect(TaskID(id.description) == id)
        #expect(TaskID("0123456789ABCDEF000000000000002A") == id)
    }

    @Test(arguments: [
        "", "abc", "0123456789abcdef000000000000002", "0123456789abcdef000000000000002a0",
        "0123456789abcdeg000000000000002a", "../../etc/passwd", "0123456789abcdef00000000000000 a",
        "０123456789abcdef00000000000002a",
    ])
    func refusesAnythingButThirtyTwoHexDigits(_ text: String) {
        #expect(TaskID(text) == nil)
    }

    @Test func randomIdentifiersDiffer() {
        let ids = Set((0..<1000).map { _ in TaskID.random() })
        #expect(ids.count == 1000)
        #expect(ids.allSatisfy { TaskID($0.description) == $0 })
    }
}
