// The stripe-webhook edge function: handleWebhook (../_shared/webhook.ts, which tests call
// directly), served with the environment and one database pool per instance
// (../_shared/serve.ts).
import { serve } from "../_shared/serve.ts";
import { handleWebhook } from "../_shared/webhook.ts";

serve(handleWebhook);
