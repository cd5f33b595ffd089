import KinoCore

/// Writes a cut as a CMX 3600 edit decision list: one video track of cuts, one event per
/// shot. The reel is the shot id (8 characters at most, as CMX allows); comments carry the
/// clip name, the media file, the shot, take and seed. Record timecode starts at 01:00:00:00
/// at the project rate (drop-frame at 29.97 and 59.94).
public enum EDLWriter {
    public static func write(_ cut: Cut) throws -> String {
        let tc = Timecode(rate: cut.rate)
        var out = "TITLE: \(oneLine(cut.project.settings.name))\n"
        out += "FCM: \(tc.isDropFrame ? "DROP FRAME" : "NON-DROP FRAME")\n\n"
        guard cut.clips.count <= 9999 else {
            throw InterchangeError.timecodeOverflow("an EDL holds at most 9999 events; the project has \(cut.clips.count) shots")
        }
        for (n, clip) in cut.clips.enumerated() {
            let event = String(n + 1)
            let reel = String(clip.shot.id.raw.uppercased().prefix(8))
            let srcIn = try tc.string(0), srcOut = try tc.string(clip.shot.duration)
            let recIn = try tc.string(tc.oneHour + clip.start), recOut = try tc.string(tc.oneHour + clip.start + clip.shot.duration)
            out += String(repeating: "0", count: 3 - min(3, event.count)) + event + "  "
            out += reel.padding(toLength: 8, withPad: " ", startingAt: 0) + " V     C        "
            out += "\(srcIn) \(srcOut) \(recIn) \(recOut)\n"
            out += "* FROM CLIP NAME: \(oneLine(clip.shot.title))\n"
            switch clip.media {
            case .movie(let url, _): out += "* FROM CLIP: \(oneLine(url))\n"
            case .imageSequence(let base, let prefix, let suffix, _, _, _): out += "* FROM CLIP: \(oneLine(base + prefix + "######" + suffix))\n"
            case .missing: break
            }
            var kino = "* KINO SHOT: \(clip.shot.id) SCENE: \(clip.shot.sceneID) SEED: \(clip.shot.seed)"
            if let take = clip.take { kino += " TAKE: \(take.id) ENGINE: \(oneLine(take.engine))" }
            out += kino + "\n"
            out += "\n"
        }
        return out
    }

    /// EDL lines cannot hold line breaks.
    static func oneLine(_ s: String) -> String {
        String(s.map { $0.isNewline || $0 == "\t" ? " " : $0 })
    }
}
