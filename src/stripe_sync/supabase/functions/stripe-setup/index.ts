// The stripe-setup edge function: handleSetup (../_shared/setup.ts, which tests call
// directly), served with the environment and one database pool per instance
// (../_shared/serve.ts).
import { serve } from "../_shared/serve.ts";
import { handleSetup } from "../_shared/setup.ts";

serve(handleSetup);
