import CEbur128
import Foundation
import KinoCore

/// A loudness measurement by libebur128 (ITU-R BS.1770-4 / EBU R128).
public struct LoudnessReading: Hashable, Sendable {
    /// Integrated loudness, LUFS; −∞ for silence.
    public var integratedLUFS: Double
    /// The highest true (4× oversampled) peak of either channel, dBTP.
    public var truePeakDBTP: Double
}

/// Why loudness could not be measured or reached; one sentence each.
public enum LoudnessError: LocalizedError, Equatable, Sendable {
    case silent
    case targetOutOfRange(Double)
    case failed(String)

    public var errorDescription: String? {
        switch self {
        case .silent: return "the mix is silent, so there is no loudness to normalise"
        case .targetOutOfRange(let t): return "loudness target \(t) LUFS is out of range; use -70…-5, such as -16 (web) or -23 (EBU R128)"
        case .failed(let why): return "libebur128 failed (\(why))"
        }
    }
}

/// Measures and normalises loudness. libebur128's state and error codes end in this file.
public enum Loudness {
    public static let web = -16.0
    public static let broadcast = -23.0

    public static func measure(_ sound: StereoBuffer) throws -> LoudnessReading {
        guard let st = ebur128_init(2, UInt(AudioClock.sampleRate), Int32(EBUR128_MODE_I.rawValue | EBUR128_MODE_TRUE_PEAK.rawValue)) else {
            throw LoudnessError.failed("out of memory")
        }
        var state: UnsafeMutablePointer<ebur128_state>? = st
        defer { ebur128_destroy(&state) }
        let block = 48_000
        var frames = [Float](repeating: 0, count: 2 * block)
        var at = 0
        while at < sound.count {
            let n = min(block, sound.count - at)
            for i in 0..<n { frames[2 * i] = sound.left[at + i]; frames[2 * i + 1] = sound.right[at + i] }
            let r = frames.withUnsafeBufferPointer { ebur128_add_frames_float(st, $0.baseAddress, n) }
            guard r == Int32(EBUR128_SUCCESS.rawValue) else { throw LoudnessError.failed("error \(r)") }
            at += n
        }
        var integrated = 0.0
        guard ebur128_loudness_global(st, &integrated) == Int32(EBUR128_SUCCESS.rawValue) else { throw LoudnessError.failed("integrated loudness") }
        var peak = 0.0
        for ch in 0..<2 {
            var p = 0.0
            guard ebur128_true_peak(st, UInt32(ch), &p) == Int32(EBUR128_SUCCESS.rawValue) else { throw LoudnessError.failed("true peak") }
            peak = max(peak, p)
        }
        return LoudnessReading(integratedLUFS: integrated, truePeakDBTP: Gain.dB(linear: peak))
    }

    /// The sound at `targetLUFS` integrated loudness with its true peak below `ceilingDBTP`:
    /// a gain, then (when that gain pushes peaks over the ceiling) a look-ahead peak limiter,
    /// repeated until both hold. Deterministic.
    public static func normalise(_ sound: StereoBuffer, targetLUFS: Double, ceilingDBTP: Double = -1) throws -> (StereoBuffer, LoudnessReading) {
        guard targetLUFS.isFinite, (-70.0 ... -5.0).contains(targetLUFS) else { throw LoudnessError.targetOutOfRange(targetLUFS) }
        var reading = try measure(sound)
        guard reading.integratedLUFS.isFinite else { throw LoudnessError.silent }
        var out = sound
        // The limiter's threshold on sample peaks sits under the true-peak ceiling, with room
        // for the peaks between samples.
        var threshold = ceilingDBTP - 1.0
        for _ in 0..<6 {
            let gain = Gain.linear(dB: targetLUFS - reading.integratedLUFS)
            for i in 0..<out.count { out.left[i] *= gain; out.right[i] *= gain }
            reading = try measure(out)
            if reading.truePeakDBTP < ceilingDBTP && abs(reading.integratedLUFS - targetLUFS) < 0.1 { return (out, reading) }
            if reading.truePeakDBTP >= ceilingDBTP {
                out = limit(out, thresholdDB: threshold)
                reading = try measure(out)
                threshold -= 0.3
            }
        }
        return (out, reading)
    }

    /// A look-ahead peak limiter: the gain reaches what the loudest sample of the next 2 ms
    /// needs before that sample arrives (a ramp, so no click) and recovers over 50 ms.
    static func limit(_ sound: StereoBuffer, thresholdDB: Double) -> StereoBuffer {
        let t = Gain.linear(dB: thresholdDB)
        let n = sound.count, w = 96
        var need = [Float](repeating: 1, count: n)
        for i in 0..<n {
            let p = max(abs(sound.left[i]), abs(sound.right[i]))
            if p > t { need[i] = t / p }
        }
        // Forward-looking minimum over need[i…i+w] (a monotonic queue), then a w-sample mean:
        // the mean at i only averages minima that already include sample i, so gain ≤ need.
        var minAhead = [Float](repeating: 1, count: n)
        var queue = [Int](), head = 0
        var next = 0
        for i in 0..<n {
            while next < n && next <= i + w {
                while queue.count > head && need[queue[queue.count - 1]] >= need[next] { queue.removeLast() }
                queue.append(next); next += 1
            }
            while queue[head] < i { head += 1 }
            minAhead[i] = need[queue[head]]
            if head > 4096 { queue.removeFirst(head); head = 0 }
        }
        var out = sound
        var sum: Float = 0, g: Float = 1
        let release: Float = 1 / Float(AudioClock.sampleRate / 20)
        for i in 0..<n {
            sum += minAhead[i]
            if i >= w { sum -= minAhead[i - w] }
            let mean = sum / Float(min(i + 1, w))
            g = min(mean, g + release)
            out.left[i] *= g; out.right[i] *= g
        }
        return out
    }
}
