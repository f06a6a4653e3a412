import JiraCI

// The library's hot loops alone, for the benchmark: the key extractor over a file (compared with `grep -oE`),
// and the redactor over a file with the run's secrets in it.
#if canImport(Glibc)
    import Glibc
#endif

let arguments = CommandLine.arguments
guard arguments.count == 3, let bytes = try? FileSystem.read(arguments[2], limit: 1 << 31) else {
    print("usage: Microbench keys|redact FILE")
    exit(2)
}
switch arguments[1] {
case "keys":
    let scanner = IssueKeyScanner()
    var found = 0
    bytes.withUnsafeBufferPointer { buffer in
        scanner.scan(buffer, letterCase: .upperOnly) { _ in found += 1 }
    }
    print(found)
case "redact":
    // Secrets of the lengths real ones have: a client secret, two access tokens, a PAT, a password.
    let redactor = Redactor(secrets: [
        "ATOAa1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6", "eyJhbGciOiJSUzI1NiIsImtpZCI6IjEifQ.payload",
        "NjM4OTQ5MzY2MTg3OrNl3Gmcz", "hunter2-but-longer",
    ])
    redactor.add("jci-access-token-1-e2c7b1")
    let clock = ContinuousClock()
    let started = clock.now
    let redacted = redactor.redact(bytes: bytes)
    let elapsed = started.duration(to: clock.now)
    print(
        redacted.count, Int(Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15))
default:
    print("usage: Microbench keys|redact FILE")
    exit(2)
}
