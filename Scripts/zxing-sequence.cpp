// Reads QR Codes with zxing-cpp's C++ library and prints, for each code, the
// structured-append header zxing-cpp parsed: its Python binding (3.1.1) does
// not expose the sequence index and size, the C++ API does.
//
//   g++ -std=c++17 -O1 Scripts/zxing-sequence.cpp -lZXing -o /tmp/zxing-sequence
//   /tmp/zxing-sequence IMAGE.pgm ...
//
// Input: binary PGM files (P5, maxval 255), converted by the caller. Output:
// one line per code, tab-separated: file, sequence index (0-based, -1 if
// none), sequence size (-1 if none), sequence id, text as UTF-8.
// Debian: libzxing-dev (zxing-cpp 1.4).
#define ZX_USE_UTF8 1
#include <ZXing/ReadBarcode.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

namespace {

// The pixels of a binary PGM file, or false with a message on stderr.
bool readPGM(const char* path, std::vector<uint8_t>& pixels, int& width, int& height)
{
	std::ifstream in(path, std::ios::binary);
	std::string magic;
	int maxval = 0;
	in >> magic >> width >> height >> maxval;
	in.get(); // the single whitespace byte before the raster
	if (!in || magic != "P5" || maxval != 255 || width <= 0 || height <= 0) {
		std::cerr << path << ": not an 8-bit binary PGM\n";
		return false;
	}
	pixels.resize(static_cast<size_t>(width) * height);
	in.read(reinterpret_cast<char*>(pixels.data()), static_cast<std::streamsize>(pixels.size()));
	if (!in) {
		std::cerr << path << ": truncated raster\n";
		return false;
	}
	return true;
}

} // namespace

int main(int argc, char** argv)
{
	int status = 0;
	for (int i = 1; i < argc; ++i) {
		std::vector<uint8_t> pixels;
		int width = 0, height = 0;
		if (!readPGM(argv[i], pixels, width, height)) {
			status = 1;
			continue;
		}
		ZXing::DecodeHints hints;
		hints.setFormats(ZXing::BarcodeFormat::QRCode);
		ZXing::ImageView image(pixels.data(), width, height, ZXing::ImageFormat::Lum);
		for (const auto& result : ZXing::ReadBarcodes(image, hints)) {
			std::cout << argv[i] << '\t' << result.sequenceIndex() << '\t' << result.sequenceSize() << '\t'
					  << result.sequenceId() << '\t' << result.text() << '\n';
		}
	}
	return status;
}
