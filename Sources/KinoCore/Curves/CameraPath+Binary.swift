import Foundation

/// The compact form of a camera path in the project file (Docs/FileFormat.md, "camera keys"):
/// decoding JSON dominated opening a long project. Little-endian:
///
///     "KCAM" version:u8(1) channels:u8
///     per channel: channel:u8 keys:u32
///     per key:     frame:f64 value:f64 interpolation:u8 easing:u8 handleType:u8
///                  left.dt:f64 left.dv:f64 right.dt:f64 right.dv:f64
///
/// Enum values are positions in the code lists below, which only ever grow at the end.
extension CameraPath {
    static let binaryMagic: [UInt8] = Array("KCAM".utf8)
    static let binaryVersion: UInt8 = 1
    static let channelCodes: [CameraChannel] = [.positionX, .positionY, .positionZ, .targetX, .targetY, .targetZ, .roll, .focalLength]
    static let interpolationCodes: [Interpolation] = [.constant, .linear, .bezier, .sine, .quad, .cubic, .expo, .back, .bounce, .elastic]
    static let easingCodes: [EasingMode] = [.easeIn, .easeOut, .easeInOut]
    static let handleCodes: [HandleType] = [.auto, .autoClamped, .vector, .aligned, .free]

    /// The path in the binary form, channels in code order.
    public func binaryEncoded() -> Data {
        var out = [UInt8]()
        out.reserveCapacity(6 + channels.count * 5 + channels.values.reduce(0) { $0 + $1.keys.count } * 51)
        out += CameraPath.binaryMagic
        out.append(CameraPath.binaryVersion)
        let present = CameraPath.channelCodes.enumerated().filter { channels[$0.element] != nil }
        out.append(UInt8(present.count))
        func put(_ d: Double) { withUnsafeBytes(of: d.bitPattern.littleEndian) { out += $0 } }
        for (code, ch) in present {
            let keys = channels[ch]!.keys
            out.append(UInt8(code))
            withUnsafeBytes(of: UInt32(keys.count).littleEndian) { out += $0 }
            for k in keys {
                put(k.frame); put(k.value)
                out.append(UInt8(CameraPath.interpolationCodes.firstIndex(of: k.interpolation)!))
                out.append(UInt8(CameraPath.easingCodes.firstIndex(of: k.easing)!))
                out.append(UInt8(CameraPath.handleCodes.firstIndex(of: k.handleType)!))
                put(k.leftHandle.dt); put(k.leftHandle.dv); put(k.rightHandle.dt); put(k.rightHandle.dv)
            }
        }
        return Data(out)
    }

    /// Reads the binary form; anything malformed is an error, never a crash.
    public init(binary data: Data) throws {
        let channels: [CameraChannel: AnimationCurve] = try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            var at = 0
            func need(_ n: Int) throws {
                guard at + n <= raw.count else { throw CameraPathBinaryError("it ends early, at byte \(at)") }
            }
            func byte() throws -> UInt8 { try need(1); defer { at += 1 }; return raw[at] }
            func double() throws -> Double {
                try need(8); defer { at += 8 }
                return Double(bitPattern: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt64.self)))
            }
            func code<T>(_ list: [T], _ what: String) throws -> T {
                let c = Int(try byte())
                guard c < list.count else { throw CameraPathBinaryError("unknown \(what) code \(c)") }
                return list[c]
            }
            try need(6)
            guard Array(raw[0..<4]) == CameraPath.binaryMagic else { throw CameraPathBinaryError("it does not start with KCAM") }
            at = 4
            let version = try byte()
            guard version == CameraPath.binaryVersion else { throw CameraPathBinaryError("unknown version \(version)") }
            let count = Int(try byte())
            var out: [CameraChannel: AnimationCurve] = [:]
            for _ in 0..<count {
                let ch = try code(CameraPath.channelCodes, "channel")
                try need(4)
                let n = Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt32.self)))
                at += 4
                try need(n * 51)
                var keys: [Keyframe] = []
                keys.reserveCapacity(n)
                for _ in 0..<n {
                    let frame = try double(), value = try double()
                    let interpolation = try code(CameraPath.interpolationCodes, "interpolation")
                    let easing = try code(CameraPath.easingCodes, "easing")
                    let handleType = try code(CameraPath.handleCodes, "handle type")
                    let l = Handle(dt: try double(), dv: try double()), r = Handle(dt: try double(), dv: try double())
                    guard [frame, value, l.dt, l.dv, r.dt, r.dv].allSatisfy(\.isFinite) else {
                        throw CameraPathBinaryError("a key of \(ch.rawValue) holds a value that is not a finite number")
                    }
                    keys.append(Keyframe(frame: frame, value: value, interpolation: interpolation, easing: easing,
                                         handleType: handleType, leftHandle: l, rightHandle: r))
                }
                out[ch] = AnimationCurve(keys: keys)
            }
            guard at == raw.count else { throw CameraPathBinaryError("\(raw.count - at) bytes follow the last key") }
            return out
        }
        self.init(channels: channels)
    }
}

/// Camera keys in the file that cannot be read.
public struct CameraPathBinaryError: Error, LocalizedError, Hashable {
    public let detail: String
    init(_ detail: String) { self.detail = detail }
    public var errorDescription: String? { "unreadable camera keys: \(detail)" }
}
