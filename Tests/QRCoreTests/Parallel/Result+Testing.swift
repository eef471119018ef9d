extension Result {
    var isSuccess: Bool {
        if case .success = self { true } else { false }
    }

    var failure: Failure? {
        if case let .failure(error) = self { error } else { nil }
    }
}
