/// `flush --json`: `{"delivered":N,"rejected":M,"waiting":K}`.
struct FlushDocument: Encodable {
    let delivered: Int
    let rejected: Int
    let waiting: Int
}
