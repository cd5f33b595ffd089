import KinoCore

/// Writes a cut as a Kdenlive project (MLT XML, document version 1.0): a producer per shot's
/// movie in the main bin, one video track playlist, a tractor for the track and the main
/// tractor (global feed, last in the file, so `melt` renders it). Scenes and project markers
/// are guides. Needs movie media (prores or h264).
public enum KdenliveWriter {
    public static func write(_ cut: Cut) throws -> String {
        let r = cut.rate.perSecond
        let size = cut.project.settings.resolution
        let total = cut.project.duration
        var producers = ""
        var bin = ""
        var track = ""
        for (i, clip) in cut.clips.enumerated() {
            guard case .movie(let url, let frames) = clip.media else {
                throw InterchangeError.needsMovies(format: "kdenlive", media: "image or missing media")
            }
            let path = url.hasPrefix("file://") ? String(url.dropFirst(7)).removingPercentEncodingSafe : url
            let id = "producer_\(clip.shot.id.raw)"
            producers += """
              <producer id="\(id)" in="0" out="\(frames - 1)">
                <property name="length">\(frames)</property>
                <property name="resource">\(xmlEscaped(path))</property>
                <property name="mlt_service">avformat</property>
                <property name="kdenlive:id">\(i + 2)</property>
                <property name="kdenlive:clipname">\(xmlEscaped(clip.shot.title))</property>
                <property name="kdenlive:clip_type">0</property>
                <property name="kino:shot">\(xmlEscaped(clip.shot.id.raw))</property>
                <property name="kino:take">\(xmlEscaped(clip.take?.id.raw ?? ""))</property>
                <property name="kino:seed">\(clip.shot.seed)</property>
              </producer>

            """
            bin += "    <entry producer=\"\(id)\" in=\"0\" out=\"\(frames - 1)\"/>\n"
            track += "    <entry producer=\"\(id)\" in=\"0\" out=\"\(clip.shot.duration - 1)\"/>\n"
        }
        var guides: [String] = cut.sceneRuns.map { "{\"comment\":\(jsonString($0.scene.name)),\"pos\":\($0.start),\"type\":0}" }
        guides += cut.project.markers.map { "{\"comment\":\(jsonString($0.label)),\"pos\":\($0.frame),\"type\":1}" }
        let dar = reduced(size.width, size.height)
        return """
        <?xml version="1.0" encoding="utf-8"?>
        <mlt LC_NUMERIC="C" version="7.0.0" title="\(xmlEscaped(cut.project.settings.name))" producer="main_bin">
          <profile description="Kino \(size.width)x\(size.height) \(cut.rate)" width="\(size.width)" height="\(size.height)" progressive="1" sample_aspect_num="1" sample_aspect_den="1" display_aspect_num="\(dar.0)" display_aspect_den="\(dar.1)" frame_rate_num="\(r.numerator)" frame_rate_den="\(r.denominator)" colorspace="709"/>
        \(producers)  <playlist id="main_bin">
            <property name="kdenlive:docproperties.version">1</property>
            <property name="kdenlive:docproperties.guides">[\(xmlEscaped(guides.joined(separator: ",")))]</property>
            <property name="xml_retain">1</property>
        \(bin)  </playlist>
          <producer id="black_track" in="0" out="\(total - 1)">
            <property name="length">\(total)</property>
            <property name="mlt_service">color</property>
            <property name="resource">black</property>
            <property name="set.test_audio">0</property>
          </producer>
          <playlist id="playlist0">
        \(track)  </playlist>
          <playlist id="playlist1"/>
          <tractor id="tractor0" in="0" out="\(total - 1)">
            <property name="kdenlive:track_name">V1</property>
            <property name="kdenlive:audio_track">0</property>
            <track producer="playlist0"/>
            <track producer="playlist1"/>
          </tractor>
          <tractor id="maintractor" in="0" out="\(total - 1)" global_feed="1">
            <track producer="black_track"/>
            <track producer="tractor0"/>
          </tractor>
        </mlt>

        """
    }

    static func reduced(_ a: Int, _ b: Int) -> (Int, Int) {
        var (x, y) = (a, b)
        while y != 0 { (x, y) = (y, x % y) }
        return (a / max(x, 1), b / max(x, 1))
    }

    static func jsonString(_ s: String) -> String {
        var out = ""
        JSONValue.quote(s, into: &out)
        return out
    }
}

extension String {
    var removingPercentEncodingSafe: String { removingPercentEncoding ?? self }
}
