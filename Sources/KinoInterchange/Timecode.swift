import KinoCore

/// SMPTE timecode at a project rate: non-drop at whole rates and 23.976 (counted at 24),
/// drop-frame at 29.97 and 59.94 (frame numbers 00 and 01, or 00–03, skipped at the start of
/// every minute not divisible by ten), written HH:MM:SS;FF.
public struct Timecode: Sendable {
    public let rate: FrameRate
    public init(rate: FrameRate) { self.rate = rate }

    /// Nominal frames per second (24 for 23.976, 30 for 29.97).
    public var base: Int { rate.timecodeBase }

    /// Frame numbers dropped per minute: 2 at 29.97, 4 at 59.94, else 0.
    public var dropPerMinute: Int {
        switch rate.perSecond {
        case Rational(30000, 1001): return 2
        case Rational(60000, 1001): return 4
        default: return 0
        }
    }

    public var isDropFrame: Bool { dropPerMinute > 0 }

    /// The timecode of `frame` (counted from 00:00:00:00). Throws past 24 hours.
    public func string(_ frame: Int) throws -> String {
        let day = isDropFrame ? framesPerTenMinutes * 144 : base * 86_400
        guard frame >= 0, frame < day else {
            throw InterchangeError.timecodeOverflow("frame \(frame) is past 24 hours of timecode at \(rate) fps")
        }
        var f = frame
        let drop = dropPerMinute
        if drop > 0 {
            let tens = f / framesPerTenMinutes, rest = f % framesPerTenMinutes
            f += 9 * drop * tens + (rest > drop ? drop * ((rest - drop) / (base * 60 - drop)) : 0)
        }
        let ff = f % base, s = f / base
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(two(s / 3600)):\(two((s / 60) % 60)):\(two(s % 60))\(drop > 0 ? ";" : ":")\(two(ff))"
    }

    /// Frames in ten minutes of drop-frame timecode (17982 at 29.97).
    var framesPerTenMinutes: Int { base * 600 - 9 * dropPerMinute }

    /// One hour of timecode in frames: where record timecode starts (01:00:00:00).
    public var oneHour: Int { isDropFrame ? framesPerTenMinutes * 6 : base * 3600 }
}
