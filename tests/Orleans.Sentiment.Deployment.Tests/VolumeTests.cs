using System.Text.RegularExpressions;
using Orleans.Sentiment.Deployment.Tests.Kustomize;

namespace Orleans.Sentiment.Deployment.Tests;

/// <summary>With a read-only root filesystem, every folder the silo writes to must be a mounted volume.</summary>
public sealed partial class VolumeTests
{
    [KubectlTheory]
    [MemberData(nameof(Overlays.Application), MemberType = typeof(Overlays))]
    public void WritableFolders_ReadOnlyRoot_LieOnMountedVolumes(string overlay)
    {
        foreach (var workload in Overlays.Render(overlay).AppWorkloads)
        {
            Assert.True(workload.Container.SecurityContext?.ReadOnlyRootFilesystem, $"{workload.Name}: root filesystem is writable.");
            Assert.True(workload.Container.SecurityContext?.AllowPrivilegeEscalation == false, $"{workload.Name}: privilege escalation allowed.");
            Assert.True(workload.Pod.SecurityContext?.RunAsNonRoot, $"{workload.Name}: may run as root.");

            var mounts = (workload.Container.VolumeMounts ?? []).Where(m => m.ReadOnlyProperty != true).Select(m => m.MountPath.TrimEnd('/') + "/").ToList();
            var folders = workload.Env.Where(e => WritableFolderSetting().IsMatch(e.Key) && e.Value.Value is not null).Select(e => e.Value.Value!).Append("/tmp").ToList();
            Assert.True(folders.Count > 1, $"{workload.Name}: no writable folder settings found (Inference__CacheDirectory, Corrections__Directory, HF_HOME).");
            foreach (var folder in folders)
            {
                Assert.True(mounts.Any(m => (folder.TrimEnd('/') + "/").StartsWith(m, StringComparison.Ordinal)), $"{workload.Name}: {folder} is on the read-only root filesystem.");
            }
        }
    }

    [GeneratedRegex("(Directory|_HOME)$")]
    private static partial Regex WritableFolderSetting();
}
