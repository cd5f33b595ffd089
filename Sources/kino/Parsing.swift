import Foundation
import KinoCore

/// Writes a value as pretty, sorted JSON on stdout.
func printJSON<T: Encodable>(_ value: T) throws {
    let e = JSONEncoder()
    e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    print(String(decoding: try e.encode(value), as: UTF8.self))
}

/// Seconds with up to three decimals, no trailing zeros.
func seconds(_ frames: Int, _ rate: FrameRate) -> String {
    let s = rate.seconds(frames: frames)
    var t = String(format: "%.3f", s)
    while t.hasSuffix("0") { t.removeLast() }
    if t.hasSuffix(".") { t.removeLast() }
    return t
}
