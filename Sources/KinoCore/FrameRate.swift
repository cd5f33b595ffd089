import Foundation

/// A project's frame rate: an exact number of frames per second (24, 25, 30, 24000/1001 …).
/// All time in the model is a frame count at this rate; seconds appear only at the edges.
public struct FrameRate: Hashable, Sendable, Codable, CustomStringConvertible {
    public let perSecond: Rational

    /// A rate from 1 to 240 frames per second, over a denominator of at most a million, so
    /// that every time conversion within `Limits.maxSeconds` fits an Int64 exactly.
    public init(_ perSecond: Rational) throws {
        guard perSecond.numerator > 0, perSecond.denominator <= 1_000_000,
              (1...240).contains(perSecond.doubleValue) else {
            throw ValidationError.invalidFrameRate(perSecond.description)
        }
        self.perSecond = perSecond
    }

    public static let fps24 = try! FrameRate(Rational(24))
    public static let fps25 = try! FrameRate(Rational(25))
    public static let fps30 = try! FrameRate(Rational(30))
    public static let ntsc23_976 = try! FrameRate(Rational(24000, 1001))
    public static let ntsc29_97 = try! FrameRate(Rational(30000, 1001))

    /// Parses "24", "25", "23.976", "29.97", "59.94", "24000/1001", "30/1".
    public static func parse(_ text: String) throws -> FrameRate {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let slash = t.firstIndex(of: "/") {
            guard let n = Int64(t[..<slash]), let d = Int64(t[t.index(after: slash)...]), n > 0, d > 0 else {
                throw ValidationError.invalidFrameRate(text)
            }
            return try FrameRate(Rational(n, d))
        }
        switch t {
        case "23.976", "23.98": return .ntsc23_976
        case "29.97": return .ntsc29_97
        case "59.94": return try FrameRate(Rational(60000, 1001))
        case "47.952": return try FrameRate(Rational(48000, 1001))
        default: break
        }
        if let n = Int64(t) { return try FrameRate(Rational(n)) }
        if let d = parseDecimal(t), d >= 1, d <= 240 {
            // A decimal such as 12.5 becomes an exact fraction over 1000.
            return try FrameRate(Rational(Int64((d * 1000).rounded()), 1000))
        }
        throw ValidationError.invalidFrameRate(text)
    }

    public var doubleValue: Double { perSecond.doubleValue }

    /// The frame count nearest to `seconds`; a time that is not finite or lies beyond
    /// ±`Limits.maxSeconds` is refused (it could not be converted to a frame count).
    public func frames(seconds: Double) throws -> Int {
        guard seconds.isFinite, abs(seconds) <= Limits.maxSeconds else {
            throw ValidationError.outOfRange(field: "time", value: "\(seconds) s", range: "±\(Int(Limits.maxSeconds)) s")
        }
        return Int((seconds * Double(perSecond.numerator) / Double(perSecond.denominator)).rounded())
    }

    /// The largest frame count any time within `Limits.maxSeconds` gives at this rate.
    public var maxFrames: Int { Int((Limits.maxSeconds * doubleValue).rounded(.down)) }

    /// The exact start time of `frame`, as a fraction of seconds. Frame counts beyond the
    /// limit (which no valid edit can make) are clamped to it, so this never overflows.
    public func time(ofFrame frame: Int) -> Rational {
        let f = Int64(max(-maxFrames, min(maxFrames, frame)))
        return Rational(f * perSecond.denominator, perSecond.numerator)
    }

    public func seconds(frames: Int) -> Double { time(ofFrame: frames).doubleValue }

    /// The nominal integer rate used by timecode (24 for 23.976).
    public var timecodeBase: Int { max(1, Int(doubleValue.rounded())) }

    /// Non-drop timecode HH:MM:SS:FF.
    public func timecode(frame: Int) -> String {
        let base = timecodeBase
        let f = max(0, frame)
        let ff = f % base, totalSeconds = f / base
        return String(format: "%02d:%02d:%02d:%02d", totalSeconds / 3600, (totalSeconds / 60) % 60, totalSeconds % 60, ff)
    }

    public var description: String {
        switch perSecond {
        case Rational(24000, 1001): return "23.976"
        case Rational(30000, 1001): return "29.97"
        case Rational(60000, 1001): return "59.94"
        default:
            return perSecond.denominator == 1 ? "\(perSecond.numerator)" : String(format: "%.3f", doubleValue)
        }
    }

    public init(from decoder: Decoder) throws {
        let r = try Rational(from: decoder)
        try self.init(r)
    }
    public func encode(to encoder: Encoder) throws { try perSecond.encode(to: encoder) }
}

/// Parses a time written by a person: seconds ("4", "2.5"), or timecode "MM:SS", "HH:MM:SS"
/// or "HH:MM:SS:FF" (frames), into a frame count at `rate`. Numbers are plain decimals
/// (no hex, no "inf"); a time beyond `Limits.maxSeconds` is refused, never trapped on.
public func parseTime(_ text: String, rate: FrameRate) throws -> Int {
    let t = text.trimmingCharacters(in: .whitespaces)
    if let s = parseDecimal(t) {
        guard s >= 0 else { throw ValidationError.invalidTime(text) }
        return try rate.frames(seconds: s)
    }
    let parts = t.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
    guard (2...4).contains(parts.count) else { throw ValidationError.invalidTime(text) }
    var nums: [Double] = []
    for p in parts {
        guard let v = parseDecimal(p), v >= 0 else { throw ValidationError.invalidTime(text) }
        nums.append(v)
    }
    switch parts.count {
    case 2: return try rate.frames(seconds: nums[0] * 60 + nums[1])
    case 3: return try rate.frames(seconds: nums[0] * 3600 + nums[1] * 60 + nums[2])
    default:
        guard nums[3] < Double(rate.timecodeBase), nums[3] == nums[3].rounded() else { throw ValidationError.invalidTime(text) }
        let whole = nums[0] * 3600 + nums[1] * 60 + nums[2]
        // Checked like any other time before it becomes an Int.
        _ = try rate.frames(seconds: whole)
        return Int(whole) * rate.timecodeBase + Int(nums[3])
    }
}

/// A number written as a plain decimal — optional sign, digits, an optional fraction and an
/// optional exponent ("2.5", "-1", "1e3") — or nil. Swift's `Double(_:)` also reads "0x10",
/// "inf" and "nan", which a person typing a time or a size never means.
public func parseDecimal(_ text: String) -> Double? {
    let bytes = Array(text.utf8)
    var digits = 0, exponentDigits = 0, sawExponent = false, sawPoint = false
    for (i, c) in bytes.enumerated() {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            if sawExponent { exponentDigits += 1 } else { digits += 1 }
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            guard i == 0 || bytes[i - 1] | 0x20 == UInt8(ascii: "e") else { return nil }
        case UInt8(ascii: "."):
            guard !sawPoint, !sawExponent else { return nil }
            sawPoint = true
        case UInt8(ascii: "e"), UInt8(ascii: "E"):
            guard !sawExponent, digits > 0 else { return nil }
            sawExponent = true
        default: return nil
        }
    }
    guard digits > 0, !sawExponent || exponentDigits > 0, let v = Double(text), v.isFinite else { return nil }
    return v
}
