import CEspeakNG
import Foundation
import KinoCore

/// Why a voice line cannot be spoken; one sentence each. espeak-ng's codes end here.
public enum VoiceError: LocalizedError, Equatable, Sendable {
    case unavailable(String)
    case unknownVoice(String, known: [String])
    case failed(String)

    public var errorDescription: String? {
        switch self {
        case .unavailable(let why): return "espeak-ng cannot start (\(why)); install espeak-ng-data"
        case .unknownVoice(let v, let known): return "espeak-ng has no voice '\(v)'; use a language code such as \(known.prefix(12).joined(separator: ", "))"
        case .failed(let why): return "espeak-ng could not speak the line (\(why))"
        }
    }
}

/// Speaks voice lines with libespeak-ng, in process memory but a fresh child process per
/// line (see the shim: espeak-ng carries state from line to line), resampled to 48 kHz.
/// The same line always gives the same samples.
public enum VoiceSynth {
    /// The voice Kino speaks with unless told otherwise: American English through espeak-ng's
    /// Klatt synthesiser, the most intelligible of its voices by the pocketsphinx test.
    public static let defaultVoice = "en-us+klatt2"

    /// A description of the synthesiser, recorded in cache keys (a new espeak-ng may speak differently).
    public static var identity: String { "espeak-ng " + String(cString: espeak_Info(nil)) }

    /// The language codes of the installed voices ("en", "en-us", "de", …).
    public static func knownVoices() throws -> [String] {
        let text = try run(mode: 1, VoiceLine(text: "-"))
        return Array(Set(String(decoding: text, as: UTF8.self).split(separator: "\n").map(String.init))).sorted()
    }

    /// The line spoken, at 48 kHz, the same voice in both channels.
    public static func speak(_ line: VoiceLine) throws -> StereoBuffer {
        try Project.validate(voice: line)
        let bytes = try run(mode: 0, line)
        guard bytes.count > 4 else { throw VoiceError.failed("no sound came out") }
        let rate = bytes.prefix(4).withUnsafeBytes { Int($0.loadUnaligned(as: Int32.self)) }
        let native: [Float] = bytes.dropFirst(4).withUnsafeBytes { raw in
            let s = raw.bindMemory(to: Int16.self)
            return s.map { Float($0) / 32768 }
        }
        guard !native.isEmpty, rate > 0 else { throw VoiceError.failed("no sound came out") }
        return StereoBuffer(mono: Resampler(from: rate, to: AudioClock.sampleRate).resample(native))
    }

    private static func run(mode: Int32, _ line: VoiceLine) throws -> Data {
        var out: UnsafeMutablePointer<CChar>?
        let n = kino_espeak_run(mode, line.voice, Int32(line.rate), Int32(line.pitch), line.text, &out)
        defer { free(out) }
        switch n {
        case -2: throw VoiceError.unknownVoice(line.voice, known: (try? knownVoices()) ?? ["en", "en-us", "de", "fr", "es"])
        case -3: throw VoiceError.unavailable("espeak_Initialize failed")
        case -4: throw VoiceError.failed("synthesis failed")
        case -5: throw VoiceError.failed("espeak-ng crashed")
        case ..<0: throw VoiceError.failed("no process could be started")
        default: return out.map { Data(bytes: $0, count: n) } ?? Data()
        }
    }
}
