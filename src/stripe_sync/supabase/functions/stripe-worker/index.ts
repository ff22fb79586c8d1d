// The stripe-worker edge function: handleWorker (../_shared/worker.ts, which tests call
// directly), served with the environment and one database pool per instance
// (../_shared/serve.ts).
import { serve } from "../_shared/serve.ts";
import { handleWorker } from "../_shared/worker.ts";

serve(handleWorker);
