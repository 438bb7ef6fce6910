// Unit tests for src/shared/query/verdict.ts: question shapes and general wording rules.
import { describe, expect, it } from 'vitest';
import type { StatedCeiling } from '../../../src/shared/search-config.ts';
import { compileLexicon, indexTerms } from '../../../src/shared/query/lexicon.ts';
import { askedAlternative, continuesStatement, detectVerdict, isStageLabel, questionShape } from '../../../src/shared/query/verdict.ts';
import { fixtureSynonyms } from './fixture-kb.ts';

const lexicon = compileLexicon(fixtureSynonyms());
const verdict = (question: string, ...statements: string[]) => detectVerdict(question, statements, { asked: new Set(['window']), lexicon });

describe('shared/query/verdict', () => {
  it('reads the shape of a question', () => {
    expect(questionShape('can I use gMSA?')).toMatchObject({ polar: true, open: false });
    expect(questionShape('NFS volumes on Windows - supported?')).toMatchObject({ polar: true });
    expect(questionShape('hostprocess containers supported on aks?')).toMatchObject({ polar: true });
    expect(questionShape('how do I patch nodes?')).toMatchObject({ polar: false, open: true });
    expect(questionShape('lift and shift - what should I check?')).toMatchObject({ open: true });
    expect(questionShape('max node pools')).toMatchObject({ polar: false, open: false });
    // Issue wording: the yes/no question comes after a comma, or is a denial asked back.
    expect(questionShape('we want a script to run on scale down, are preStop hooks even supported for windows containers?')).toMatchObject({ polar: true });
    expect(questionShape('CPU limit is not working - resource limits just aren\'t supported for windows pods?')).toMatchObject({ polar: true });
    expect(questionShape('so windows pods just don\'t support mounting a named pipe like \\\\.\\pipe\\docker_engine?')).toMatchObject({ polar: true });
    expect(questionShape('we pin pods to nodes, which label do windows nodes carry?')).toMatchObject({ polar: false });
    expect(questionShape('Do I have to switch tools?')).toMatchObject({ necessity: true });
    expect(questionShape('is it GA yet?')).toMatchObject({ availability: true });
    // A keyword question ending in a state ("endorsed now?", "on by default?") asks yes or no.
    expect(questionShape('calico netpol on windows pools - endorsed now?')).toMatchObject({ polar: true });
    expect(questionShape('floating IP for windows pods on by default?')).toMatchObject({ polar: true });
    expect(questionShape('floating IP on by default for windows pods with calico?')).toMatchObject({ polar: true });
    expect(questionShape('which features are on by default?')).toMatchObject({ polar: false, open: true });
    expect(questionShape('floating IP on by default for windows pods')).toMatchObject({ polar: false });
    // A question opened by a verb leaves out "can I"; a word that is also a noun needs a determiner after it.
    expect(questionShape('run a windows container entrypoint as another user?')).toMatchObject({ polar: true });
    expect(questionShape('tail live stdout of a windows container from azure monitor?')).toMatchObject({ polar: true });
    expect(questionShape('upgrade the windows pool in place?')).toMatchObject({ polar: true });
    expect(questionShape('upgrade path for ws2019?')).toMatchObject({ polar: false });
    expect(questionShape('upgrade the node image or the node pool to get patches?')).toMatchObject({ polar: false });
    expect(questionShape('run a windows container entrypoint as another user')).toMatchObject({ polar: false });
    // A yes/no question answered before the "how" that follows it.
    expect(questionShape('can we have several windows versions in one cluster? how do pods end up on the right one')).toMatchObject({ polar: true });
    expect(questionShape('kubenet is out? which cni mode then')).toMatchObject({ polar: false, open: true });
    // An issue's general title question, then the yes/no question about the user's case.
    expect(questionShape('What file system can be mounted? Our NFS mount fails - is NFS supported for windows pods at all?')).toMatchObject({ polar: true });
    expect(questionShape('What file system can be mounted? Our NFS mount fails.')).toMatchObject({ polar: false, open: true });
    // … also without its question mark, and with dots inside its words.
    expect(questionShape('Why ingress only on Linux? my ASP.NET ingress runs fine on windows nodes, is that actually allowed')).toMatchObject({ polar: true });
    // "… or not?" and a conjunction before the auxiliary still ask yes or no.
    expect(questionShape('a separate subnet for the windows pool - recommended or not?')).toMatchObject({ polar: true });
    expect(questionShape('we asked for ws2022 - or are windows nodes still 2019 only?')).toMatchObject({ polar: true });
    expect(questionShape('we asked for ws2022 - or which version do windows nodes run?')).toMatchObject({ polar: false });
  });

  it('lets a matched statement that denies something else not overrule a best statement that supports what was asked', () => {
    expect(verdict('is azure files a supported volume type?', 'Azure Disks and Azure Files are the supported volume types.', "NFS-based volumes aren't supported.")).toBe('yes');
    // A statement that carries on from the best one still counts.
    expect(verdict('is X supported?', 'X is supported on Linux.', 'This is not the case on Windows.')).toBe('no');
  });

  it('reads a statement about other versions than the asker names as saying the opposite for theirs', () => {
    const gate = 'If you are running a version of Kubernetes older than 1.24, you may need to enable the feature gate.';
    expect(verdict("we're on 1.28: do we still have to enable the feature gate?", gate)).toBe('no');
    expect(verdict("we're on 1.22: do we have to enable the feature gate?", gate)).toBe('yes');
    // A version equal to the bound quotes the text; no version leaves the statement as it is.
    expect(verdict('the 1.24 note: do we have to enable the feature gate?', gate)).toBe('yes');
    expect(verdict('do we have to enable the feature gate?', gate)).toBe('yes');
    const from = 'Windows Server 2022 is the default OS for Kubernetes version 1.25 and later.';
    expect(verdict('is windows server 2022 the default on 1.23?', from)).toBe('no');
    expect(verdict('is windows server 2022 the default on 1.27?', from)).toBe('yes');
  });

  it('answers yes/no questions from denials, limits, leads and defaults', () => {
    expect(verdict('can I use X on windows?', 'X is not supported on Windows.')).toBe('no');
    expect(verdict('can I use X?', 'Yes.', 'See the docs.')).toBe('yes');
    expect(verdict('can I use X?', 'No, X cannot be used.')).toBe('no');
    expect(verdict('does X work?', 'X has preliminary support for Windows.')).toBe('partial');
    expect(verdict('is X GA yet?', 'X is in public preview.')).toBe('no');
    expect(verdict('does X work?', 'It depends on the network plugin.')).toBe('depends');
    expect(verdict('can I use X?', 'X can be used on any node.')).toBe('yes');
    expect(verdict('Were we hacked?', 'AKS adds a user named sshd.', 'This user is not malicious.')).toBe('no');
  });

  it('answers a question about going beyond a number from the ceiling the statement states on what it counts', () => {
    const within = (question: string, statement: string, ceilings: StatedCeiling[]) => detectVerdict(question, [statement], { asked: new Set(['window']), lexicon, ceilings });
    expect(within('can a windows nodepool name be longer than 6 characters?', 'A Windows node pool can have a six-character name.', [[6, 'character']])).toBe('no');
    expect(within('can a cluster have more than 8 node pools?', 'The AKS cluster can have a maximum of 100 node pools.', [[100, 'node pools']])).toBe('yes');
    expect(within('can a cluster have more than eight node pools?', 'The AKS cluster can have a maximum of 100 node pools.', [[100, 'node pools']])).toBe('yes');
    expect(within('can a cluster have more than 100 node pools?', 'The AKS cluster can have a maximum of 100 node pools.', [[100, 'node pools']])).toBe('no');
    expect(within('can I go over 1,000 nodes?', 'You can have a maximum of 1,000 nodes across those node pools.', [[1000, 'nodes']])).toBe('no');
    // A number with no noun after it takes the only ceiling there is.
    expect(within('can the pool name be longer than 6?', 'The Windows Server node pool name has a limit of 6 characters.', [[6, 'characters']])).toBe('no');
    // A ceiling on another thing does not answer (1,000 nodes says nothing about 8,000 node pools): the wording does.
    expect(within('can a cluster have more than 8000 node pools?', 'You can have a maximum of 1,000 nodes across those node pools.', [[1000, 'nodes']])).toBe('yes');
    // Numbers are read from the statement's limit claims, never from its text: without one, the wording decides.
    expect(verdict('can I run more than 2 containers?', 'Pods can run 3 containers in Kubernetes 1.26.')).toBe('yes');
  });

  it('answers a choice between two alternatives for the one that asks for a capability', () => {
    expect(askedAlternative('can I run an ingress controller on windows nodes, or does it have to go to linux?')).toBe('can I run an ingress controller on windows nodes');
    // A need offered first is the fallback: the capability is the second alternative.
    expect(askedAlternative('do i need a separate cluster for windows or can i add win nodes to our linux one')).toBe('can i add win nodes to our linux one');
    // Both ask what is needed or enough: no capability is asked.
    expect(askedAlternative('is TLS at the ingress enough, or must I encrypt pod-to-pod traffic?')).toBeNull();
    expect(verdict('can a .NET 4.8 app run as a windows container, or do we have to port it first?', '.NET Framework apps can run in Windows containers.')).toBe('yes');
    expect(verdict('can windows nodes run linux images, or does it have to land on a linux pool?', 'Linux containers are not supported on Windows nodes.')).toBe('no');
    expect(verdict('is TLS at the ingress enough, or must I encrypt pod-to-pod traffic?', 'Encrypt traffic between pods.')).toBeNull();
    // An explicit Yes/No still answers the question as asked.
    expect(verdict('do i need a separate cluster, or can i add windows nodes?', 'No, add a Windows node pool to the cluster.')).toBe('no');
  });

  it('gives a report of what happens no verdict, where a keyword query takes a clear denial', () => {
    expect(verdict('runAsGroup windows pod', 'runAsGroup is not supported on Windows.')).toBe('no');
    expect(verdict('container insights shows no disk capacity for windows nodes', 'Disk capacity is not supported on Windows.')).toBeNull();
    expect(verdict('upgraded the windows nodepool but the nodes are still on the old image', "Windows nodes don't support in-place upgrades.")).toBeNull();
  });

  it('answers "is X still …?" from the statement that replaced the old one', () => {
    const replaced = (question: string, statement: string, asked: string[]) => detectVerdict(question, [statement], { asked: new Set(asked), lexicon, replacesAsked: true });
    // No longer so …
    expect(replaced('is the node pool limit still 8?', 'A cluster can have a maximum of 100 node pools.', ['node_pool', 'limit', '8'])).toBe('no');
    expect(replaced('are windows node pools still in preview?', 'You can create Windows node pools.', ['window', 'node_pool', 'preview'])).toBe('no');
    expect(replaced('is docker still supported?', 'Containerd is supported as the container runtime.', ['docker', 'support'])).toBe('no');
    // … unless the replacement still names and supports it.
    expect(replaced('ws2019 still supported?', 'AKS supports Windows Server 2019 and Windows Server 2022 as the host OS.', ['window_server_2019', 'support'])).toBe('yes');
    expect(replaced('is kubenet still not supported?', 'Kubenet is supported.', ['kubenet', 'support'])).toBe('yes');
  });

  it('answers yes for an alternative the statement recommends instead of what it denies', () => {
    const statement = "securityContext.privileged - Windows doesn't support privileged containers, use HostProcess Containers instead";
    const asking = (question: string, asked: string[]) => detectVerdict(question, [statement], { asked: new Set(asked), lexicon });
    expect(asking('privileged is not allowed, so can we run our agent as a hostprocess pod instead?', ['privileg', 'allow', 'run', 'agent', 'hostprocess', 'pod'])).toBe('yes');
    // A question about the denied thing itself is still answered no.
    expect(asking('can I run privileged containers on windows?', ['run', 'privileg', 'contain', 'window'])).toBe('no');
    // "Instead of X, use Y" in another statement of the answer recommends Y as well.
    const rotation = ['Windows node pools do not support service principal rotation.', 'Instead of service principals, use managed identities.'];
    const own = (question: string, statements: string[]) => detectVerdict(question, statements, { asked: new Set(indexTerms(question, lexicon)), lexicon });
    expect(own('can we use managed identity instead of a service principal?', rotation)).toBe('yes');
    // Without a denial, "use X instead of creating Y" describes how X works: it recommends nothing.
    const hostNetwork = ['FEATURE STATE: Kubernetes v1.26 [alpha]', "The kubelet can use the host's network namespace instead of creating a new one."];
    expect(own("can windows pods join the host's network namespace?", hostNetwork)).toBe('partial');
  });

  it('takes a statement as finishing the one before only when it carries on from it', () => {
    expect(continuesStatement('This user is not malicious.')).toBe(true);
    expect(continuesStatement('However, the limit can be raised.')).toBe(true);
    expect(continuesStatement('  They are removed after the upgrade.')).toBe(true);
    // A new point, not a continuation: its "can't" says nothing about the statement before it.
    expect(continuesStatement("You can't automatically update and manage reboots using kured.")).toBe(false);
    expect(continuesStatement('Thistle is a plant.')).toBe(false);
  });

  it('reads "only X" as no when the question asks about an alternative of X', () => {
    expect(verdict('can the control plane run on windows?', 'You can only run the control plane on Linux.')).toBe('no');
  });

  it('gives keyword queries a verdict only for clear denials or limits', () => {
    expect(verdict('runAsGroup windows pod', 'runAsGroup - not possible on Windows')).toBe('no');
    expect(verdict('max node pools', 'A cluster can have a maximum of 100 node pools.')).toBeNull();
    expect(verdict('hardware for a worker node', 'These are not minimum requirements.')).toBeNull();
    expect(verdict('detector on windows nodes', 'The detector has preliminary support for Windows.')).toBe('partial');
  });

  it('reads necessity questions the other way round', () => {
    expect(verdict('Do I have to switch to another tool to get X?', 'X support is generally available.')).toBe('no');
    expect(verdict('Do I need a Linux node pool?', 'Every cluster must have a Linux node pool.')).toBe('yes');
  });

  it('reads hedged and conditional wording', () => {
    // "Not fully" is part of the way, not a denial.
    expect(verdict('is X respected on windows?', 'X - this is not fully implemented on Windows.')).toBe('partial');
    expect(verdict('X windows', 'X - this is not fully implemented on Windows.')).toBe('partial');
    // A dependency that is missing is a no; an open "it depends" stays one.
    expect(verdict('X: true on windows pods, does that work', 'X is a beta feature, and depends on Linux namespaces which are not implemented on Windows.')).toBe('no');
    expect(verdict('does X work?', 'It depends on the network plugin.')).toBe('depends');
  });

  it('does not take a following statement about other things as a denial of what was asked', () => {
    expect(verdict('can it run ws2022 nodes?', 'It uses Windows Server 2019 and Windows Server 2022.', 'Images built by other versions are not supported.')).toBe('yes');
    expect(verdict('can it run ws2016 nodes?', 'It uses Windows Server 2019.', 'Windows Server 2016 is not supported.')).toBe('no');
  });

  it('reads more question shapes', () => {
    // "Why can't I …?" is about the capability; "why is …?" asks for a reason.
    expect(questionShape("why can't a windows node reach its own service IP")).toMatchObject({ polar: true, open: false });
    expect(verdict("why can't a windows node reach its own service IP", 'Windows hosts are not able to access the IP of services scheduled on them.')).toBe('no');
    expect(questionShape('why is there an unexpected user on my node?')).toMatchObject({ polar: false, open: true });
    // A question word after ", so" asks the question; after a yes/no question it only adds to it.
    expect(questionShape('ok kubenet is a no-go, so which CNI mode should I pick?')).toMatchObject({ open: true });
    expect(questionShape('does the architecture account for that, and how?')).toMatchObject({ polar: true, open: false });
    expect(questionShape('ephemeral os disks for windows nodes - recommended?')).toMatchObject({ polar: true });
    expect(questionShape('do i still need a linux nodepool?')).toMatchObject({ necessity: true });
    expect(verdict('do i still need a linux nodepool?', 'To run NGINX you need a Linux node pool alongside your Windows node pool.')).toBe('yes');
  });

  it('knows a stage label that heads an entry', () => {
    expect(isStageLabel('FEATURE STATE: Kubernetes v1.26 [alpha]')).toBe(true);
    expect(isStageLabel('FEATURE STATE: Kubernetes v1.20 [stable]')).toBe(false);
    expect(isStageLabel('The kubelet can now request that pods use the host network namespace, an alpha feature since v1.26.')).toBe(false);
  });

  it('gives no verdict to open questions', () => {
    expect(verdict('how do I enable X?', 'X is not enabled by default.')).toBeNull();
  });
});
