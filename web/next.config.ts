import type { NextConfig } from "next";

// A static export: the Maven build packs `out/` into the server jar, which serves it beside the API.
const nextConfig: NextConfig = {
  output: "export",
  images: { unoptimized: true },
  poweredByHeader: false,
};

export default nextConfig;
