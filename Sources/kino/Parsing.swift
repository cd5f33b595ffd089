import Foundation
import KinoCore

/// Parsers for values typed on the command line; each failure is a ValidationError whose
/// sentence says what to type instead.
enum Parse {
    static func duration(_ text: String, rate: FrameRate) throws -> Int {
        guard let frames = try? parseTime(text, rate: rate), frames > 0,
              rate.seconds(frames: frames) <= Limits.maxShotSeconds else {
            throw ValidationError.invalidDuration(text)
        }
        return frames
    }

    static func time(_ text: String, rate: FrameRate) throws -> Int { try parseTime(text, rate: rate) }

    static func double(_ text: String, field: String, range: ClosedRange<Double>? = nil) throws -> Double {
        guard let v = parseDecimal(text.trimmingCharacters(in: .whitespaces)) else {
            throw ValidationError.invalidNumber(field: field, value: text, expected: "a number")
        }
        if let r = range, !r.contains(v) {
            throw ValidationError.outOfRange(field: field, value: text, range: "\(r.lowerBound)…\(r.upperBound)")
        }
        return v
    }

    static func seed(_ text: String) throws -> UInt64 {
        guard let v = UInt64(text.trimmingCharacters(in: .whitespaces)) else {
            throw ValidationError.invalidNumber(field: "seed", value: text, expected: "a whole number from 0 to \(UInt64.max)")
        }
        return v
    }

    static func vector(_ text: String) throws -> Vec3 {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 3, let x = parts[0], let y = parts[1], let z = parts[2],
              x.isFinite, y.isFinite, z.isFinite, abs(x) < 1e6, abs(y) < 1e6, abs(z) < 1e6 else {
            throw ValidationError.invalidVector(text)
        }
        return Vec3(x, y, z)
    }

    static func preset(_ text: String) throws -> CameraPreset {
        guard let p = CameraPreset(rawValue: text.lowercased()) else { throw ValidationError.unknownPreset(text) }
        return p
    }

    static func enumValue<E: RawRepresentable & CaseIterable>(_ text: String, field: String) throws -> E where E.RawValue == String {
        guard let v = E(rawValue: text.lowercased()) else {
            throw ValidationError.invalidNumber(field: field, value: text,
                                                expected: "one of " + E.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return v
    }

    /// "A-B" in seconds or timecode, as a half-open frame range.
    static func range(_ text: String, rate: FrameRate) throws -> Range<Int> {
        let parts = text.split(separator: "-", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { throw ValidationError.invalidTime(text) }
        let a = try parseTime(parts[0], rate: rate), b = try parseTime(parts[1], rate: rate)
        guard b > a else {
            throw ValidationError.outOfRange(field: "range", value: text, range: "a start before its end")
        }
        return a..<b
    }
}

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
