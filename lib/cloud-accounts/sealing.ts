import { seal, unseal } from "@/lib/crypto/sealed-box";
import { type CloudCredentials, lastFourOf } from "./credentials";

// Credentials are sealed exactly as kubeconfigs are (AES-256-GCM under KUBECONFIG_ENCRYPTION_KEY):
// the row holds the sealed JSON and, in clear, only the last four characters of the secret.

export function sealCredentials(credentials: CloudCredentials): { credentialsSealed: string; secretLast4: string } {
  return { credentialsSealed: seal(JSON.stringify(credentials)), secretLast4: lastFourOf(credentials) };
}

export function unsealCredentials(sealed: string): CloudCredentials {
  return JSON.parse(unseal(sealed)) as CloudCredentials;
}
