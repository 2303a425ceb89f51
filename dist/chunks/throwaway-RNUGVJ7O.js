import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);
import{e as a}from"./chunk-SSEF4QEK.js";import{a as e}from"./chunk-6JHUWM2L.js";async function n(r){let{privateKey:t}=await a({type:"ecc",curve:"curve25519Legacy",userIDs:[{name:`${r} throwaway signing key (package-actions demo)`,email:"demo@package-actions.invalid"}],format:"armored"});return t}e(n,"throwawayKey");export{n as throwawayKey};
//# sourceMappingURL=throwaway-RNUGVJ7O.js.map
