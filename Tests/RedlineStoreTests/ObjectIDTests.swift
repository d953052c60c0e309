import Testing
@testable import RedlineStore

struct ObjectIDTests {
    @Test func hexAndBytesAreEachOthersInverse() {
        let bytes: [UInt8] = [0x00, 0x0f, 0x10, 0x3f, 0x2a, 0x9b, 0xa0, 0xff] + (0..<12).map { UInt8($0 * 21) }
        let hex = ObjectID.hex(bytes)
        #expect(hex == "000f103f2a9ba0ff0015" + "2a3f54697e93a8bdd2e7")
        #expect(ObjectID.bytes(hex) == bytes)
        #expect(ObjectID.hex(bytes[2..<4]) == "103f")
        #expect(ObjectID.hex([UInt8]()) == "")
    }
}
