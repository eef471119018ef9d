/// A first-in, first-out queue on an array with a moving head.
///
/// Popping is O(1): the slot is cleared (so that a popped job's data is freed
/// at once) and the head moves on. The consumed prefix is dropped once it is
/// as long as the live part, so storage stays proportional to `count`.
struct FIFOBuffer<Element> {
    private var storage: [Element?] = []
    private var head = 0

    var count: Int { storage.count - head }
    var isEmpty: Bool { head == storage.count }
    var first: Element? { isEmpty ? nil : storage[head] }

    mutating func append(_ element: Element) {
        storage.append(element)
    }

    mutating func append(contentsOf elements: some Sequence<Element>) {
        for element in elements { storage.append(element) }
    }

    mutating func popFirst() -> Element? {
        guard head < storage.count else { return nil }
        let element = storage[head]
        storage[head] = nil
        head += 1
        compact()
        return element
    }

    /// Replaces the first element. - Precondition: not empty.
    mutating func replaceFirst(with element: Element) {
        precondition(!isEmpty, "replaceFirst on an empty queue")
        storage[head] = element
    }

    /// Removes and returns the first element that satisfies `predicate`.
    /// - Complexity: O(`count`).
    mutating func removeFirst(where predicate: (Element) -> Bool) -> Element? {
        guard let index = storage[head...].firstIndex(where: { predicate($0!) }) else { return nil }
        let element = storage.remove(at: index)
        compact()
        return element
    }

    func contains(where predicate: (Element) -> Bool) -> Bool {
        storage[head...].contains { predicate($0!) }
    }

    private mutating func compact() {
        if head == storage.count {
            storage.removeAll(keepingCapacity: storage.count <= 4096)
            head = 0
        } else if head >= 32 && head * 2 >= storage.count {
            storage.removeFirst(head)
            head = 0
        }
    }
}
