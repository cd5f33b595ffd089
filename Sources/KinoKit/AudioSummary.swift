import Foundation
import KinoCore

/// The sound of a project as rows a person or a script reads (`kino audio list [--json]`).
public struct AudioSummary: Codable, Sendable {
    public struct Lane: Codable, Sendable {
        public var lane: String, gainDB: Double, mute: Bool, solo: Bool
        public var clips: [Clip]
    }
    public struct Clip: Codable, Sendable {
        public var id: String, name: String, source: String
        public var startSeconds: Double, lengthSeconds: Double, inSeconds: Double
        public var gainDB: Double, fadeInSeconds: Double, fadeOutSeconds: Double
        public var voice: VoiceLine?
    }
    public var lanes: [Lane]
    public var ducking: Ducking

    /// One line a lane, one indented line a clip.
    public var lines: [String] {
        var out: [String] = []
        for l in lanes {
            out.append("\(l.lane): gain \(l.gainDB) dB\(l.mute ? ", muted" : "")\(l.solo ? ", solo" : "")\(l.lane == "picture" ? " (each shot's own sound)" : ""), \(l.clips.count) clip\(l.clips.count == 1 ? "" : "s")")
            for c in l.clips {
                out.append(String(format: "  %@ %@ at %.3f s for %.3f s, gain %.1f dB, fades %.2f/%.2f s", c.id, c.name, c.startSeconds,
                                  c.lengthSeconds, c.gainDB, c.fadeInSeconds, c.fadeOutSeconds))
            }
        }
        let d = ducking
        out.append(d.enabled ? String(format: "ducking: music down %.1f dB under voice, attack %.0f ms, release %.0f ms", d.amountDB, d.attackMs, d.releaseMs) : "ducking: off")
        return out
    }
}

extension ProjectSession {
    public func audioSummary() -> AudioSummary {
        let p = project
        let lanes = AudioLaneKind.allCases.map { kind -> AudioSummary.Lane in
            let l = p.audio.lane(kind)
            return AudioSummary.Lane(lane: kind.rawValue, gainDB: l.gainDB, mute: l.mute, solo: l.solo, clips: p.audio.clips(in: kind).map { c in
                var voice: VoiceLine?
                if case .voice(let v) = c.source { voice = v }
                return AudioSummary.Clip(id: c.id.raw, name: c.title, source: c.source.summary,
                                         startSeconds: p.frameRate.seconds(frames: c.start), lengthSeconds: AudioClock.seconds(samples: c.length),
                                         inSeconds: AudioClock.seconds(samples: c.inSample), gainDB: c.gainDB,
                                         fadeInSeconds: AudioClock.seconds(samples: c.fadeIn), fadeOutSeconds: AudioClock.seconds(samples: c.fadeOut),
                                         voice: voice)
            })
        }
        return AudioSummary(lanes: lanes, ducking: p.audio.ducking)
    }
}
