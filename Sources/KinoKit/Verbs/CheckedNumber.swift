import Foundation
import KinoCore
import KinoEngine

/// The one checked path every typed number goes through (CLI options, `:` arguments, batch
/// lines): plain decimal notation only — "0x10", "1e400", "nan" and "inf" are refused, not
/// read as 16 or infinity — then the argument's limits, each failure one line.
public enum CheckedNumber {
    /// Whether `text` is written as a plain decimal: optional sign, digits, optional fraction,
    /// optional exponent.
    static func isDecimal(_ text: String) -> Bool {
        var s = Substring(text)
        if s.first == "+" || s.first == "-" { s = s.dropFirst() }
        var digits = 0, dot = false, exponent = false, expDigits = 0
        var previous: Swift.Character? = nil
        for c in s {
            if c.isASCII, c.isNumber {
                if exponent { expDigits += 1 } else { digits += 1 }
            } else if c == ".", !dot, !exponent {
                dot = true
            } else if (c == "e" || c == "E"), !exponent, digits > 0 {
                exponent = true
            } else if (c == "+" || c == "-"), previous == "e" || previous == "E" {
            } else {
                return false
            }
            previous = c
        }
        return digits > 0 && (!exponent || expDigits > 0)
    }

    /// A decimal number within `range`.
    public static func decimal(_ text: String, field: String, range: ClosedRange<Double>) throws -> Double {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard isDecimal(t), let v = Double(t), v.isFinite else {
            throw ValidationError.invalidNumber(field: field, value: text, expected: "a decimal number from \(show(range.lowerBound)) to \(show(range.upperBound))")
        }
        guard range.contains(v) else {
            throw ValidationError.outOfRange(field: field, value: text, range: "\(show(range.lowerBound))…\(show(range.upperBound))")
        }
        return v
    }

    /// A whole decimal number within `range`.
    public static func whole(_ text: String, field: String, range: ClosedRange<Int>) throws -> Int {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard t.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-" || $0 == "+") }), let v = Int(t) else {
            throw ValidationError.invalidNumber(field: field, value: text, expected: "a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        guard range.contains(v) else {
            throw ValidationError.outOfRange(field: field, value: text, range: "\(range.lowerBound)…\(range.upperBound)")
        }
        return v
    }

    /// A seed: a whole number from 0 to 2^64 - 1, in decimal.
    public static func seed(_ text: String) throws -> UInt64 {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty, t.allSatisfy({ $0.isASCII && $0.isNumber }), let v = UInt64(t) else {
            throw ValidationError.invalidNumber(field: "seed", value: text, expected: "a whole number from 0 to \(UInt64.max)")
        }
        return v
    }

    /// Seconds or timecode ("2.5", "00:01:02:12") as frames at `rate`; never hexadecimal.
    public static func time(_ text: String, rate: FrameRate) throws -> Int {
        let t = text.trimmingCharacters(in: .whitespaces)
        let parts = t.split(separator: ":", omittingEmptySubsequences: false)
        guard !parts.isEmpty, parts.allSatisfy({ isDecimal(String($0)) && !$0.hasPrefix("-") && !$0.hasPrefix("+") }) else {
            throw ValidationError.invalidTime(text)
        }
        if parts.count == 1, let s = Double(t), s > Limits.maxShotSeconds * 1000 { throw ValidationError.invalidTime(text) }
        return try parseTime(t, rate: rate)
    }

    static func show(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v)
    }
}
