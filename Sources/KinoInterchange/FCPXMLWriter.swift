import KinoCore

/// Writes a cut as Final Cut Pro X XML 1.8: a format with the exact frame duration
/// (`1001/24000s` at 23.976), one asset per shot's movie, and a project whose spine holds an
/// asset-clip per shot with the scene markers. Kino's provenance is a note and metadata on
/// each clip. Sound files on the voice, music and effects lanes are audio assets connected
/// (lane -1, -2, -3) to the spine clip they start under. Needs movie media (prores or h264):
/// FCPXML assets are files.
public enum FCPXMLWriter {
    public static func write(_ cut: Cut) throws -> String {
        let rate = cut.rate.perSecond
        let size = cut.project.settings.resolution
        func t(_ frames: Int) -> String {
            // frames × 1/rate seconds, written over the rate's numerator: 48 frames at 24000/1001 → 48048/24000s.
            let num = Int64(frames) * rate.denominator
            if num == 0 { return "0s" }
            return rate.denominator == 1 && rate.numerator == 1 ? "\(num)s" : "\(num)/\(rate.numerator)s"
        }
        let tc = Timecode(rate: cut.rate)
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE fcpxml>\n<fcpxml version=\"1.8\">\n    <resources>\n"
        out += "        <format id=\"r1\" name=\"FFVideoFormat\(size.height)p\" frameDuration=\"\(t(1))\" width=\"\(size.width)\" height=\"\(size.height)\" colorSpace=\"1-1-1 (Rec. 709)\"/>\n"
        for (i, clip) in cut.clips.enumerated() {
            guard case .movie(let url, let frames) = clip.media else {
                throw InterchangeError.needsMovies(format: "fcpxml", media: "image or missing media")
            }
            out += "        <asset id=\"r\(i + 2)\" name=\"\(xmlEscaped(clip.shot.id.raw))\" uid=\"\(xmlEscaped(clip.take?.inputHash ?? clip.shot.id.raw))\" start=\"0s\" duration=\"\(t(frames))\" hasVideo=\"1\" format=\"r1\" src=\"\(xmlEscaped(url))\"/>\n"
        }
        // Sound files: one asset each; voice lines and the music bed are Kino's own and have no file.
        var audioAssets: [(lane: Int, role: String, clip: AudioClip, asset: Int)] = []
        for (n, lane) in AudioLaneKind.allCases.enumerated() {
            for clip in cut.project.audio.clips(in: lane) {
                guard case .file(let ref) = clip.source else { continue }
                let id = cut.clips.count + 2 + audioAssets.count
                audioAssets.append((n + 1, lane == .voice ? "dialogue" : lane.rawValue, clip, id))
                out += "        <asset id=\"r\(id)\" name=\"\(xmlEscaped(clip.title))\" start=\"0s\" duration=\"\(samples(clip.sourceSamples))\" hasAudio=\"1\" audioSources=\"1\" audioChannels=\"2\" audioRate=\"48000\" src=\"\(xmlEscaped(OTIOWriter.fileURL(ref.path)))\"/>\n"
            }
        }
        out += "    </resources>\n    <library>\n        <event name=\"\(xmlEscaped(cut.project.settings.name))\">\n"
        out += "            <project name=\"\(xmlEscaped(cut.project.settings.name))\">\n"
        out += "                <sequence format=\"r1\" duration=\"\(t(cut.project.duration))\" tcStart=\"0s\" tcFormat=\"\(tc.isDropFrame ? "DF" : "NDF")\">\n"
        out += "                    <spine>\n"
        let sceneStarts = Dictionary(cut.sceneRuns.map { ($0.start, $0.scene) }, uniquingKeysWith: { a, _ in a })
        for (i, clip) in cut.clips.enumerated() {
            let shot = clip.shot
            out += "                        <asset-clip ref=\"r\(i + 2)\" name=\"\(xmlEscaped(shot.title))\" offset=\"\(t(clip.start))\" start=\"0s\" duration=\"\(t(shot.duration))\" format=\"r1\" tcFormat=\"\(tc.isDropFrame ? "DF" : "NDF")\">\n"
            var note = "kino shot \(shot.id) scene \(shot.sceneID) seed \(shot.seed)"
            if let take = clip.take { note += " take \(take.id) engine \(take.engine) input \(take.inputHash)" }
            out += "                            <note>\(xmlEscaped(note))</note>\n"
            // Connected audio: the clips whose start falls under this spine clip (the last clip
            // takes those that start after the picture ends).
            let end = i + 1 == cut.clips.count ? Int.max : clip.start + shot.duration
            for a in audioAssets where a.clip.start >= clip.start && a.clip.start < end {
                out += "                            <asset-clip ref=\"r\(a.asset)\" lane=\"-\(a.lane)\" offset=\"\(t(a.clip.start - clip.start))\" name=\"\(xmlEscaped(a.clip.title))\" start=\"\(samples(a.clip.inSample))\" duration=\"\(samples(a.clip.length))\" audioRole=\"\(a.role)\"/>\n"
            }
            if let scene = sceneStarts[clip.start] {
                out += "                            <marker start=\"0s\" duration=\"\(t(1))\" value=\"\(xmlEscaped(scene.name))\" note=\"\(xmlEscaped(scene.environment))\"/>\n"
            }
            for m in cut.project.markers where m.frame >= clip.start && m.frame < clip.start + shot.duration {
                out += "                            <marker start=\"\(t(m.frame - clip.start))\" duration=\"\(t(1))\" value=\"\(xmlEscaped(m.label))\"/>\n"
            }
            out += "                            <metadata>\n"
            var md: [(String, String)] = [("com.kino.shot", shot.id.raw), ("com.kino.scene", shot.sceneID.raw),
                                          ("com.kino.seed", String(shot.seed)), ("com.kino.prompt", shot.prompt)]
            if let take = clip.take { md += [("com.kino.take", take.id.raw), ("com.kino.engine", take.engine), ("com.kino.inputHash", take.inputHash)] }
            for (k, v) in md { out += "                                <md key=\"\(k)\" value=\"\(xmlEscaped(v))\"/>\n" }
            out += "                            </metadata>\n"
            out += "                        </asset-clip>\n"
        }
        out += "                    </spine>\n                </sequence>\n            </project>\n        </event>\n    </library>\n</fcpxml>\n"
        return out
    }

    /// A count of 48 kHz samples as FCPXML time ("24000/48000s").
    static func samples(_ n: Int) -> String { n == 0 ? "0s" : "\(n)/48000s" }

}
