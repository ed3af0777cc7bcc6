"use client";

export function ClientCertFields() {
  return (
    <p className="text-sm text-slate-600 sm:col-span-2">
      LMS Sync presents a client certificate in the TLS handshake (mutual TLS); nothing else is sent. Upload
      it under <strong>Client certificate</strong> below.
    </p>
  );
}
