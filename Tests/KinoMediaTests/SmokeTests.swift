import Foundation
import KinoCore
import KinoMedia
import Testing

@Test func smoke() throws {
    let dir = ScratchFolder()
    for codec in ExportCodec.allCases {
        let out = dir.file("out." + (codec == .png ? "frames" : codec.fileExtension))
        let s = try exportVideo(to: out, settings: ExportSettings(codec: codec, frameRate: .ntsc23_976, width: 160, height: 90),
                                frameCount: 24) { movingSquare(width: 160, height: 90, index: $0) }
        print(s)
        if codec != .png {
            print(try probeVideo(at: out))
            print(try ffprobe(out))
        }
        print(dir.contents)
    }
}
