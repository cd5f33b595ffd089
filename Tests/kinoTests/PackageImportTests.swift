import Foundation
import Testing

/// Every module a target imports is declared in Package.swift and every declared dependency
/// is imported (KinoTUI imported KinoEngine undeclared; KinoEditor declared KinoKit unused).
@Suite struct PackageImportTests {
    @Test func testEveryImportIsDeclaredAndEveryDeclarationImported() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", root.appendingPathComponent(".ci/imports").path]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "\(text)")
        #expect(text.isEmpty, "\(text)")
    }
}
