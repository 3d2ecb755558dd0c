//! The 404 page's script: `core::lost_link::recover` in JavaScript, with the outcome slugs and
//! the site's base path (when `SITE_URL` gives it) filled in from the core at build time.
//!
//! The page runs no wasm (it is served at any depth, so it could not even find the wasm
//! before knowing the base), so the rule is written a second time here, small; the tests run
//! this very script in Node over a table of addresses and compare every answer with the
//! Rust rule's.

/// The script, for `known_base` (a path ending in `/`, or none) and the outcome pages' slugs.
pub fn script(known_base: Option<&str>, slugs: &[String]) -> String {
    let known = serde_json::to_string(known_base.unwrap_or("")).unwrap_or_else(|_| "\"\"".to_owned());
    let slugs = serde_json::to_string(slugs).unwrap_or_else(|_| "[]".to_owned());
    // Kept in step with src/core/lost_link.rs, function by function (same names).
    format!(
        "(function(){{var K={known},S={slugs};\
function find(t,n){{return t.toLowerCase().indexOf(n)}}\
function folder(p){{var i=p.lastIndexOf('/');return i<0?'/':p.slice(0,i+1)}}\
function base(p){{if(K&&p.indexOf(K)===0)return K;var f=folder(p),s=f.split('/'),l=s.length-2;\
for(var i=l;i>=1;i--)if(s[i]==='tools'||(s[i]==='r'&&i<l))return s.slice(0,i).join('/')+'/';return f}}\
function page(p){{var f=folder(p),b=base(p),i=f.indexOf(b)===0?f.slice(b.length):null,m=i&&/^r\\/([^\\/]+)\\/$/.exec(i);\
return i===''||i==='tools/'||(m&&S.indexOf(m[1])>=0)?f:b}}\
function key(f){{var m=/^([a-z-]+)%3[dD]/.exec(f);return m?m[1]+'='+f.slice(m[0].length):f}}\
function split(a){{for(var l=0;l<3;l++){{var i=find(a,'%23');if(i>=0)return[a.slice(0,i),key(a.slice(i+3))];\
if(find(a,'%25')<0)return null;a=a.replace(/%25/gi,'%')}}return null}}\
function recover(p,q,h){{var a=p+q,b,f,s;if(h.length>1){{b=a;f=h.slice(1)}}else{{s=split(a);if(!s)return['offer',base(p)];b=s[0];f=s[1]}}\
var j=b.indexOf('?'),bp=j<0?b:b.slice(0,j),bq=j<0?'':b.slice(j),g=page(bp);\
if(g===p&&bq===q)return['offer',base(p)];return['go',g+bq+'#'+f]}}\
var r=recover(location.pathname,location.search,location.hash);\
if(r[0]==='go')location.replace(r[1]);\
else document.addEventListener('DOMContentLoaded',function(){{var a=document.getElementById('take-check');if(a)a.href=r[1]}})}})()"
    )
}

#[cfg(test)]
mod tests {
    use std::io::Write as _;
    use std::process::{Command, Stdio};

    use readiness_check::core::content::CURRENT;
    use readiness_check::core::lost_link::{Recovery, recover};
    use readiness_check::core::outcome::Outcome;

    /// Runs the script in Node once per address (in one context whose globals are set afresh each time, with a `location` and a
    /// `document` that record what it does) and returns what it did: `["go", address]` or
    /// `["offer", base]`.
    fn run_in_node(script: &str, addresses: &[(String, String, String)]) -> Vec<(String, String)> {
        let harness = r#"
const vm = require('node:vm');
let input = '';
process.stdin.on('data', (d) => { input += d; });
process.stdin.on('end', () => {
  const { script, cases } = JSON.parse(input);
  const compiled = new vm.Script(script);
  const context = vm.createContext({});
  const out = cases.map(([pathname, search, hash]) => {
    const did = [];
    const location = { pathname, search, hash, replace: (to) => did.push(['go', to]) };
    const link = { set href(to) { did.push(['offer', to]); } };
    const document = { addEventListener: (_, f) => f(), getElementById: (id) => (id === 'take-check' ? link : null) };
    Object.assign(context, { location, document });
    compiled.runInContext(context);
    if (did.length !== 1) throw new Error('did ' + JSON.stringify(did) + ' for ' + pathname + search + hash);
    return did[0];
  });
  process.stdout.write(JSON.stringify(out));
});"#;
        let input = serde_json::json!({ "script": script, "cases": addresses }).to_string();
        let mut node = Command::new("node")
            .args(["-e", harness])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("node (the build needs it for terser) runs");
        node.stdin.take().expect("stdin").write_all(input.as_bytes()).expect("write to node");
        let output = node.wait_with_output().expect("node ends");
        assert!(output.status.success(), "node failed");
        serde_json::from_slice(&output.stdout).expect("node's answers")
    }

    /// Every combination of a site base, a page under it, an escaped tail, a query and a
    /// fragment.
    fn addresses() -> Vec<(String, String, String)> {
        let bases = ["/", "/check/", "/a/b/"];
        let pages = [
            "",
            "index.html",
            "r/",
            "r",
            "r/ready/",
            "r/ready",
            "tools",
            "tools/x/",
            "r/not-od/",
            "r/not-x/",
            "tools/",
            "x/y",
            "r/not-od/extra/",
            "mytools/",
        ];
        let tails =
            ["", "%23r=1CAB", "%23r%3D1C.Caf%C3%A9", "%23R%3d1C", "%2523start", "%252523t=T1", "%25", "%2Fx", "%23"];
        let queries = ["", "?embed", "?embed%23start"];
        let hashes = ["", "#", "#r=1C"];
        let mut out = Vec::new();
        for base in bases {
            for page in pages {
                for tail in tails {
                    for query in queries {
                        for hash in hashes {
                            out.push((format!("{base}{page}{tail}"), query.to_owned(), hash.to_owned()));
                        }
                    }
                }
            }
        }
        out
    }

    #[test]
    fn the_script_does_what_the_cores_rule_says_for_every_address() {
        let slugs: Vec<String> = Outcome::all(CURRENT).iter().map(|o| o.slug(CURRENT)).collect();
        let addresses = addresses();
        for known in [None, Some("/check/")] {
            let answers = run_in_node(&super::script(known, &slugs), &addresses);
            assert_eq!(answers.len(), addresses.len());
            for ((path, query, hash), (did, to)) in addresses.iter().zip(answers) {
                let expected = match recover(path, query, hash, known) {
                    Recovery::GoTo(to) => ("go".to_owned(), to),
                    Recovery::Offer(base) => ("offer".to_owned(), base),
                };
                assert_eq!((did, to), expected, "{path}{query}{hash} with the base known as {known:?}");
            }
        }
    }
}
