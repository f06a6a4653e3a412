#if canImport(Glibc)
import Glibc
#endif
// The key extractor alone, over a file, for the benchmark's comparison with `grep -oE`.
import JiraCI

guard CommandLine.arguments.count == 2, let bytes = try? FileSystem.read(CommandLine.arguments[1], limit: 1 << 31) else {
    print("usage: KeyScanBench FILE")
    exit(2)
}
let scanner = IssueKeyScanner()
var found = 0
bytes.withUnsafeBufferPointer { buffer in
    scanner.scan(buffer, letterCase: .upperOnly) { _ in found += 1 }
}
print(found)
